using AllianceTracker.Web.Data;

namespace AllianceTracker.Tests.Data;

/// <summary>Files a command writes: where the caller meant, owner-only, never over a file or through a link unasked.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OutputFileTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _folder = Directory.CreateTempSubdirectory("alliance-output-").FullName;

    [Fact]
    public async Task A_new_file_is_owner_only_in_an_owner_only_new_folder_and_nothing_else_is_left_beside_it()
    {
        var target = Path.Combine(_folder, "briefs", "brief.csv");

        await OutputFile.WriteAsync(target, force: false, stream => stream.WriteAsync("as_of,member\n"u8.ToArray()).AsTask());

        Assert.Equal("as_of,member\n", await File.ReadAllTextAsync(target));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(target));
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(target)!));
        Assert.Equal(["brief.csv"], Directory.GetFileSystemEntries(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_existing_file_is_kept_unless_forced()
    {
        var target = Path.Combine(_folder, "brief.csv");
        await File.WriteAllTextAsync(target, "the analyst's own file");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            OutputFile.WriteAsync(target, force: false, stream => stream.WriteAsync("new"u8.ToArray()).AsTask()));
        Assert.Contains("already exists; choose a new name, or add --force", refused.Message);
        Assert.Equal("the analyst's own file", await File.ReadAllTextAsync(target));

        await OutputFile.WriteAsync(target, force: true, stream => stream.WriteAsync("new"u8.ToArray()).AsTask());
        Assert.Equal("new", await File.ReadAllTextAsync(target));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(target));
    }

    [Fact]
    public async Task A_link_is_never_written_through_even_when_forced()
    {
        var elsewhere = Path.Combine(_folder, "elsewhere.txt");
        await File.WriteAllTextAsync(elsewhere, "not yours to overwrite");
        var link = Path.Combine(_folder, "brief.csv");
        File.CreateSymbolicLink(link, elsewhere);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            OutputFile.WriteAsync(link, force: true, stream => stream.WriteAsync("new"u8.ToArray()).AsTask()));

        Assert.Contains("is a link", refused.Message);
        Assert.Equal("not yours to overwrite", await File.ReadAllTextAsync(elsewhere));
    }

    [Fact]
    public void A_relative_path_is_read_from_the_callers_directory()
    {
        Assert.Equal(Path.Combine(_folder, "brief.csv"), OutputFile.Resolve("brief.csv", _folder));
        Assert.Equal(Path.Combine(_folder, "out", "brief.csv"), OutputFile.Resolve("out/../out/brief.csv", _folder));
        Assert.Equal("/tmp/brief.csv", OutputFile.Resolve("/tmp/brief.csv", _folder));
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "brief.csv"), OutputFile.Resolve("brief.csv", "/no/such/folder"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
