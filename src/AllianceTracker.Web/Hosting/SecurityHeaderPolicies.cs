using System.Security.Cryptography;
using System.Text;
using AllianceTracker.Web.Features.Embed;
using Microsoft.AspNetCore.Components;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace AllianceTracker.Web.Hosting;

/// <summary>
/// The security headers (docs/security.md): one policy for pages and everything a browser may open
/// as a document (CSP, no framing, nosniff, referrer and permissions policies), the embeddable
/// cards' and the API reference's variants of it, and a short one for stylesheets, scripts and the
/// live stream, which are never documents.
/// </summary>
public static class SecurityHeaderPolicies
{
    public static IServiceCollection AddAllianceSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var framers = EmbedFramers(configuration);
        services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(PagePolicy)
            .AddPolicy(ApiReferencePolicyName, ApiReferencePolicy)
            .AddPolicy(EmbedPolicyName, policy => EmbedPolicy(policy, framers))
            .AddPolicy(SubresourcePolicyName, SubresourcePolicy)
            .SetPolicySelector(context => SelectPolicy(context.HttpContext, context.SelectedPolicy, context.ConfiguredPolicies));
        return services;
    }

    private const string ApiReferencePolicyName = "api-reference";
    private const string EmbedPolicyName = "embed";
    private const string SubresourcePolicyName = "subresource";

    /// <summary>The origins <c>Embed:AllowedOrigins</c> lets frame the cards, checked at start; empty: any site.</summary>
    private static List<string> EmbedFramers(IConfiguration configuration) =>
        (configuration.GetSection(EmbedOptions.Section).Get<EmbedOptions>() ?? new EmbedOptions()).CheckedOrigins();

    private static void PagePolicy(HeaderPolicyCollection policy) =>
        CommonHeaders(policy).AddFrameOptionsDeny().AddCrossOriginOpenerPolicy(x => x.SameOrigin()).AddContentSecurityPolicy(csp => PageCsp(csp, importMapHash: null));

    /// <summary>
    /// The embeddable cards (Features/Embed) are the only pages another site may frame: they show
    /// what every reader sees, carry no form and run no circuit. No X-Frame-Options (it cannot
    /// list origins); frame-ancestors names the allowed origins, or any.
    /// </summary>
    private static void EmbedPolicy(HeaderPolicyCollection policy, List<string> framers) =>
        CommonHeaders(policy).AddContentSecurityPolicy(csp => PageCsp(csp, importMapHash: null, framers: framers));

    /// <summary>Scalar's API reference page starts with an inline module script and its bundle uses eval; it shows no stored text, only the OpenAPI document.</summary>
    private static void ApiReferencePolicy(HeaderPolicyCollection policy) =>
        CommonHeaders(policy).AddFrameOptionsDeny().AddContentSecurityPolicy(csp => PageCsp(csp, importMapHash: null, inlineScripts: true));

    /// <summary>
    /// What a page only fetches — a stylesheet, a script, a font, the live stream — is never a
    /// document: a CSP, Permissions-Policy, X-Frame-Options or opener policy on it does nothing
    /// (they apply to documents and workers, and the app starts no worker), yet each cost ~650 bytes
    /// on every such response, 5 KB of a reader's first page (docs/page-weight.md). They keep nosniff
    /// (a script or stylesheet must be what it says) and the referrer policy (a stylesheet's own
    /// fetches follow it). Chosen by the response's type, so a file that may be opened as a document
    /// (HTML, SVG, JSON, a download) keeps the page policy.
    /// </summary>
    private static void SubresourcePolicy(HeaderPolicyCollection policy) => policy
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .RemoveServerHeader();

    /// <summary>Stylesheets, scripts, fonts and the live stream: what browsers only fetch for a page, never open as one.</summary>
    public static bool IsSubresource(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/css", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("text/javascript", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/javascript", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("font/", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase));

    private static HeaderPolicyCollection CommonHeaders(HeaderPolicyCollection policy) => policy
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddPermissionsPolicy(PermissionsPolicy)
        .RemoveServerHeader();

    // The library's secure defaults, less web-share: readers may share a page through the browser
    // (and Chromium on Linux does not know the feature, so naming it put a warning in every console).
    private static void PermissionsPolicy(PermissionsPolicyBuilder policy)
    {
        policy.AddAccelerometer().None();
        policy.AddAutoplay().None();
        policy.AddCamera().None();
        policy.AddDisplayCapture().None();
        policy.AddEncryptedMedia().None();
        policy.AddFullscreen().None();
        policy.AddGeolocation().None();
        policy.AddGyroscope().None();
        policy.AddMagnetometer().None();
        policy.AddMicrophone().None();
        policy.AddMidi().None();
        policy.AddPayment().None();
        policy.AddPictureInPicture().None();
        policy.AddPublickeyCredentialsGet().None();
        policy.AddScreenWakeLock().None();
        policy.AddSyncXHR().None();
        policy.AddUsb().None();
        policy.AddXrSpatialTracking().None();
    }

    private static void PageCsp(CspBuilder csp, string? importMapHash, bool inlineScripts = false, List<string>? framers = null)
    {
        csp.AddDefaultSrc().Self();
        // Blazor's and MudBlazor's scripts are files from this site; the one inline script,
        // Blazor's import map, is allowed by its hash (added per response, see SelectPolicy).
        // Only Scalar's page allows inline scripts and eval (its bundle compiles schemas with it).
        var scripts = csp.AddScriptSrc().Self();
        if (inlineScripts)
        {
            scripts.UnsafeInline().UnsafeEval();
        }

        if (importMapHash is not null)
        {
            scripts.From($"'sha256-{importMapHash}'");
        }

        // MudBlazor sets style attributes and a theme <style> element.
        csp.AddStyleSrc().Self().UnsafeInline();
        csp.AddImgSrc().Self().Data();
        csp.AddFontSrc().Self().Data();
        // The live stream (SSE) and the editors' circuit (WebSocket) are same-origin.
        csp.AddConnectSrc().Self();
        csp.AddObjectSrc().None();
        csp.AddBaseUri().Self();
        csp.AddFormAction().Self();
        if (framers is null)
        {
            csp.AddFrameAncestors().None();
        }
        else if (framers.Count == 0)
        {
            csp.AddFrameAncestors().From("*");
        }
        else
        {
            var ancestors = csp.AddFrameAncestors();
            framers.ForEach(origin => ancestors.From(origin));
        }
    }

    // Chosen as the response starts, when its type and endpoint are known.
    private static IReadOnlyHeaderPolicyCollection SelectPolicy(HttpContext context, IReadOnlyHeaderPolicyCollection selected, IReadOnlyDictionary<string, IReadOnlyHeaderPolicyCollection> configured)
    {
        if (IsSubresource(context.Response.ContentType))
        {
            return configured[SubresourcePolicyName];
        }

        if (context.Request.Path.StartsWithSegments("/scalar"))
        {
            return configured[ApiReferencePolicyName];
        }

        if (context.Request.Path.StartsWithSegments("/embed"))
        {
            return configured[EmbedPolicyName];
        }

        return context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is { } importMap
            ? ImportMapPolicies.For(importMap, selected)
            : selected;
    }

    /// <summary>The page policy with the hash of the import map a page renders; one per map, made once.</summary>
    private static class ImportMapPolicies
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ImportMapDefinition, IReadOnlyHeaderPolicyCollection> Made = [];

        public static IReadOnlyHeaderPolicyCollection For(ImportMapDefinition importMap, IReadOnlyHeaderPolicyCollection page) =>
            Made.GetValue(importMap, map =>
            {
                // <ImportMap /> writes exactly ToString() between the script tags; the browser hashes that text.
                var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(map.ToString())));
                var policy = page.Copy();
                policy.AddContentSecurityPolicy(csp => PageCsp(csp, hash));
                return policy;
            });
    }
}
