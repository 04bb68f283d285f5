namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>The <c>NewsAssist</c> section: which reader, and for a model, where it is served.</summary>
public sealed class NewsAssistOptions
{
    public const string Section = "NewsAssist";

    /// <summary><c>Rules</c> (the default, offline) or <c>Model</c>.</summary>
    public string Reader { get; set; } = "Rules";

    /// <summary>An OpenAI-compatible chat endpoint: a hosted service, or a local Ollama or llama.cpp server (e.g. <c>http://127.0.0.1:11434/v1</c>).</summary>
    public string? ModelEndpoint { get; set; }

    /// <summary>The model's name at that endpoint.</summary>
    public string? ModelName { get; set; }

    /// <summary>The endpoint's key, if it needs one (from the environment or a secret store, never appsettings in the repository).</summary>
    public string? ModelApiKey { get; set; }

    public bool UsesModel => string.Equals(Reader, "Model", StringComparison.OrdinalIgnoreCase);
}
