namespace AllianceTracker.Web.Api;

/// <summary>The ETag of a resource that carries a version is the version itself, so If-Match names what a write was read at.</summary>
public static class VersionTags
{
    public static void Set(HttpResponse response, Guid version) => response.Headers.ETag = $"\"{version}\"";
}
