namespace AllianceTracker.Web.Data;

/// <summary>
/// A file a command writes for whoever ran it (an export, a diff, a backup): where they meant it,
/// readable by them only from the first byte, and never written through a link or over a file
/// they did not ask to replace.
/// </summary>
public static class OutputFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>
    /// <paramref name="path"/> as its caller meant it: a relative path from the directory they ran
    /// the command in. <c>dotnet run --project …</c> starts the app in the project's folder, so the
    /// process's own directory is not that; the shell's <c>PWD</c> is, when it names a directory.
    /// </summary>
    public static string Resolve(string path) => Resolve(path, Environment.GetEnvironmentVariable("PWD"));

    /// <summary><paramref name="path"/> relative to <paramref name="callersDirectory"/> when that names a directory, else to the process's.</summary>
    public static string Resolve(string path, string? callersDirectory)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        var from = callersDirectory is { Length: > 0 } && Path.IsPathRooted(callersDirectory) && Directory.Exists(callersDirectory)
            ? callersDirectory
            : Environment.CurrentDirectory;
        return Path.GetFullPath(Path.Combine(from, path));
    }

    /// <summary>
    /// Why <paramref name="fullPath"/> may not be written, or null: an existing file unless
    /// <paramref name="force"/>, and a link (to anywhere) ever — it would write where it points.
    /// </summary>
    public static string? RefusalFor(string fullPath, bool force)
    {
        var existing = new FileInfo(fullPath);
        if (existing.LinkTarget is not null)
        {
            return $"{fullPath} is a link (to {existing.LinkTarget}); write to a plain file name instead.";
        }

        if (Directory.Exists(fullPath))
        {
            return $"{fullPath} is a folder; give a file name.";
        }

        return existing.Exists && !force ? $"{fullPath} already exists; choose a new name, or add --force to replace it." : null;
    }

    /// <summary>
    /// Writes <paramref name="write"/>'s bytes to <paramref name="fullPath"/>: into a new owner-only
    /// file beside it, renamed into place once complete, so nobody else ever reads it and nobody
    /// ever sees half of it. A missing folder is created owner-only.
    /// </summary>
    /// <exception cref="InvalidOperationException">The target is refused (<see cref="RefusalFor"/>).</exception>
    public static async Task WriteAsync(string fullPath, bool force, Func<Stream, Task> write)
    {
        var temporary = await WriteBesideAsync(fullPath, force, async path =>
        {
            await using var stream = new FileStream(path, OwnerOnlyCreate());
            await write(stream);
        });
        Move(temporary, fullPath, force);
    }

    /// <summary>
    /// For writers that make the file themselves (SQLite's VACUUM INTO): <paramref name="make"/>
    /// gets a path inside a new owner-only folder beside the target, so whatever mode it creates the
    /// file with, nobody else can open it; the file is made owner-only, then moved into place.
    /// <paramref name="check"/> may refuse the finished file (nothing is moved then).
    /// </summary>
    public static async Task MakeAsync(string fullPath, bool force, Func<string, Task> make, Func<string, Task<string?>>? check = null)
    {
        var folder = PrepareFolder(fullPath, force);
        var privateFolder = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        CreateFolder(privateFolder);
        try
        {
            var inside = Path.Combine(privateFolder, Path.GetFileName(fullPath));
            await make(inside);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(inside, OwnerOnly);
            }

            if (check is not null && await check(inside) is { } problem)
            {
                throw new InvalidOperationException($"The copy failed its check: {problem}");
            }

            Move(inside, fullPath, force);
        }
        finally
        {
            Directory.Delete(privateFolder, recursive: true);
        }
    }

    private static async Task<string> WriteBesideAsync(string fullPath, bool force, Func<string, Task> write)
    {
        var folder = PrepareFolder(fullPath, force);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await write(temporary);
            return temporary;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string PrepareFolder(string fullPath, bool force)
    {
        if (RefusalFor(fullPath, force) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        var folder = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(folder))
        {
            CreateFolder(folder);
        }

        return folder;
    }

    // Checked again at the last moment: a link put in its place meanwhile is refused, not followed
    // (a rename replaces a link itself, never what it points to).
    private static void Move(string from, string to, bool force)
    {
        try
        {
            if (RefusalFor(to, force) is { } refusal)
            {
                throw new InvalidOperationException(refusal);
            }

            File.Move(from, to, overwrite: force);
        }
        catch
        {
            File.Delete(from);
            throw;
        }
    }

    private static FileStreamOptions OwnerOnlyCreate()
    {
        // CreateNew: never opens an existing file, or a link left in its place.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
    }
}
