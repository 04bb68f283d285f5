namespace AllianceTracker.Web.Api;

/// <summary>
/// Marks a page or endpoint whose anonymous GET depends only on its URL, the data version and the
/// theme: the output cache may keep it until the next change (ADR 0012). Such pages carry no
/// form that needs an antiforgery token, so none is issued for them.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CacheableReadAttribute : Attribute
{
    public static CacheableReadAttribute Instance { get; } = new();

    /// <summary>An anonymous GET or HEAD of a cacheable page or endpoint.</summary>
    public static bool Applies(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<CacheableReadAttribute>() is not null;
}
