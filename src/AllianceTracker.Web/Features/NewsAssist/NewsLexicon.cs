namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// The words the news reading knows (docs/news-assist.md): how texts name the 32 members, the
/// groups that stand for several of them, and the cues that say where a member stands. Offline
/// and in the code on purpose: no download, no model, every rule readable and tested by the
/// evaluation set.
/// </summary>
internal static class NewsLexicon
{
    /// <summary>A member's names: country names and short forms, the demonym, the capital.</summary>
    /// <param name="Alpha3">The member's code.</param>
    /// <param name="Names">Matched as whole words, case-sensitive ("Spain", "the U.S.").</param>
    /// <param name="Demonyms">"Hungarian officials", "the Polish government": matched case-sensitively.</param>
    /// <param name="Capital">The capital standing for the government; only counts when a verb follows ("Warsaw said").</param>
    public sealed record MemberNames(string Alpha3, string[] Names, string[] Demonyms, string? Capital);

    public static IReadOnlyList<MemberNames> Members { get; } =
    [
        new("ALB", ["Albania"], ["Albanian"], "Tirana"),
        // "Brussels" stands for NATO's headquarters or the EU far more often than for Belgium's government.
        new("BEL", ["Belgium"], ["Belgian"], null),
        new("BGR", ["Bulgaria"], ["Bulgarian"], "Sofia"),
        new("CAN", ["Canada"], ["Canadian"], "Ottawa"),
        new("HRV", ["Croatia"], ["Croatian"], "Zagreb"),
        new("CZE", ["Czechia", "the Czech Republic", "Czech Republic"], ["Czech"], "Prague"),
        new("DNK", ["Denmark"], ["Danish"], "Copenhagen"),
        new("EST", ["Estonia"], ["Estonian"], "Tallinn"),
        new("FIN", ["Finland"], ["Finnish"], "Helsinki"),
        new("FRA", ["France"], ["French"], "Paris"),
        new("DEU", ["Germany"], ["German"], "Berlin"),
        new("GRC", ["Greece"], ["Greek"], "Athens"),
        new("HUN", ["Hungary"], ["Hungarian"], "Budapest"),
        new("ISL", ["Iceland"], ["Icelandic"], "Reykjavik"),
        new("ITA", ["Italy"], ["Italian"], "Rome"),
        new("LVA", ["Latvia"], ["Latvian"], "Riga"),
        new("LTU", ["Lithuania"], ["Lithuanian"], "Vilnius"),
        new("LUX", ["Luxembourg"], ["Luxembourgish"], null),
        new("MNE", ["Montenegro"], ["Montenegrin"], "Podgorica"),
        new("NLD", ["the Netherlands", "Netherlands", "Holland"], ["Dutch"], "The Hague"),
        new("MKD", ["North Macedonia"], ["North Macedonian"], "Skopje"),
        new("NOR", ["Norway"], ["Norwegian"], "Oslo"),
        new("POL", ["Poland"], ["Polish"], "Warsaw"),
        new("PRT", ["Portugal"], ["Portuguese"], "Lisbon"),
        // "Bucharest" also names the Bucharest Nine (a group, below).
        new("ROU", ["Romania"], ["Romanian"], "Bucharest"),
        new("SVK", ["Slovakia"], ["Slovak", "Slovakian"], "Bratislava"),
        new("SVN", ["Slovenia"], ["Slovenian", "Slovene"], "Ljubljana"),
        new("ESP", ["Spain"], ["Spanish"], "Madrid"),
        new("SWE", ["Sweden"], ["Swedish"], "Stockholm"),
        new("TUR", ["Türkiye", "Turkiye", "Turkey"], ["Turkish"], "Ankara"),
        new("GBR", ["the United Kingdom", "United Kingdom", "the U.K.", "the UK", "Britain", "Great Britain"], ["British"], "London"),
        // "Washington" is also the 2024 summit's city: only a verb after it makes it the government.
        new("USA", ["the United States", "United States", "the U.S.", "the US", "U.S.", "America"], ["American"], "Washington"),
    ];

    /// <summary>
    /// Seats of government that stand for it when they act, like a capital ("the Élysée has not
    /// settled its position", "the White House said").
    /// </summary>
    public static IReadOnlyList<string> SeatsOf(string alpha3) => alpha3 switch
    {
        "FRA" => ["the Élysée", "Élysée", "the Elysee", "the Quai d'Orsay"],
        "USA" => ["the White House", "the Pentagon", "the State Department"],
        "GBR" => ["Downing Street", "Whitehall"],
        "DEU" => ["the Chancellery"],
        _ => [],
    };

    /// <summary>Names that stand for several members at once.</summary>
    public static IReadOnlyList<(string Pattern, string[] Members)> Groups { get; } =
    [
        (@"\b(?:the\s+)?Baltic(?:\s+(?:states|countries|allies|nations|members|governments|officials))?\b|\b(?:the\s+)?Balts\b", ["EST", "LVA", "LTU"]),
        (@"\b(?:the\s+)?Nordic(?:\s+(?:states|countries|allies|nations|members|governments))\b|\b(?:the\s+)?Nordics\b", ["DNK", "FIN", "ISL", "NOR", "SWE"]),
        (@"\b(?:the\s+)?Bucharest\s+Nine\b|\bB9\b", ["BGR", "CZE", "EST", "HUN", "LVA", "LTU", "POL", "ROU", "SVK"]),
        (@"\b(?:the\s+)?Benelux(?:\s+(?:states|countries))?\b", ["BEL", "NLD", "LUX"]),
    ];

    /// <summary>Verbs that make a capital the government speaking or acting ("Warsaw said", "Berlin has signalled").</summary>
    public const string GovernmentVerb =
        @"(?:'s\b|\s+(?:has|have|had|is|was|will|would|could|may|might|did|does|says|said|say|insists|insisted|argues|argued|wants|wanted|signalled|signaled|"
        + @"warned|announced|agreed|remains|remained|opposes|opposed|supports|supported|backs|backed|rejects|rejected|objects|objected|blocks|blocked|welcomes|welcomed|"
        + @"still|also|now|however|too|appears|seems|made|sees|views|regards|expects|hopes|fears|worries|called|calls|pushed|pushes|secured|refused|refuses|won|demanded|accepted|joined|signed|pledged|promised|threatened|can|cannot|must|should|wanted|resisted|resists|preferred|prefers|fought|argued|objected|also)\b)";

    /// <summary>A decision reported on a proposal, for outcome suggestions: the pattern, its outcome code.</summary>
    public static IReadOnlyList<(string Pattern, string Outcome)> OutcomeCues { get; } =
    [
        (@"\b(?:allies|leaders|the\s+summit|the\s+alliance|NATO|members|ministers|heads\s+of\s+state(?:\s+and\s+government)?)\s+(?:on\s+\w+\s+)?(?:formally\s+|finally\s+|have\s+|has\s+)?(?:adopted|approved|endorsed|launched|pledged|committed\s+to|agreed\s+(?:on|to|that))\b"
            + @"|\b(?:was|were|has\s+been|have\s+been)\s+(?:formally\s+)?(?:adopted|approved|endorsed|launched)\b|\ba\s+pledge\s+by\s+allies\b|\bsigned\s+off\s+on\b|\b(?:formally\s+)?agreed\s+by\s+all\b", "adopted"),
        (@"\b(?:was|were|has\s+been|have\s+been)\s+(?:quietly\s+)?(?:dropped|abandoned|shelved|scrapped)\b|\b(?:dropped|abandoned|shelved|scrapped)\s+the\b|\bdid\s+not\s+survive\b", "dropped"),
        (@"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:quietly\s+)?(?:deferred|postponed|put\s+off|shelved\s+until)\b|\b(?:deferred|postponed)\s+(?:a\s+)?(?:decision|it)\b|\bno\s+invitation\s+was\s+(?:issued|extended)\b|\bdid\s+not\s+(?:get|receive)\s+(?:the|an)\s+invitation\b", "deferred"),
        (@"\b(?:was|were|has\s+been)\s+replaced\b|\btook\s+its\s+place\b|\bshelved\s+in\s+favou?r\s+of\b", "replaced"),
        (@"\b(?:scaled|watered)\s+(?:back|down)\b|\bin\s+a\s+(?:scaled-down|smaller|reduced|slimmed-down)\s+form\b", "adopted-amended"),
    ];
}
