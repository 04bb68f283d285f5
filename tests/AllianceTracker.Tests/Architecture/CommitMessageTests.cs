using System.Diagnostics;
using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Architecture;

/// <summary>scripts/check-commits.sh (run by .ci/run) and the commit-msg hook, on a throwaway repository.</summary>
public sealed class CommitMessageTests : IDisposable
{
    private readonly DirectoryInfo _repository = Directory.CreateTempSubdirectory("commit-messages-");

    public void Dispose() => _repository.Delete(recursive: true);

    private (int Exit, string Error) Run(string file, string arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _repository.FullName };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }

    private void Commit(string message) =>
        Assert.Equal(0, Run("git", $"-c user.name=t -c user.email=t@example.org commit -q --allow-empty -m \"{message}\"").Exit);

    [Fact]
    public void The_history_check_names_a_long_subject_and_passes_short_ones()
    {
        Assert.Equal(0, Run("git", "init -q").Exit);
        Commit("A first commit");
        Commit("A subject of a sensible length");
        var script = Path.Combine(RepositoryRoot.Path, "scripts", "check-commits.sh");

        Assert.Equal(0, Run(script, "HEAD~1..HEAD", ("CHECK_COMMITS_REPOSITORY", _repository.FullName)).Exit);

        Commit("A subject that goes on and on, telling the whole story of the change in one line, which nobody reads");
        var (exit, error) = Run(script, "HEAD~2..HEAD", ("CHECK_COMMITS_REPOSITORY", _repository.FullName));

        Assert.Equal(1, exit);
        Assert.Contains("100-character subject", error);
    }

    [Fact]
    public void The_hook_refuses_a_long_subject_and_a_body_without_a_blank_line()
    {
        var hook = Path.Combine(RepositoryRoot.Path, "scripts", "git-hooks", "commit-msg");
        var message = Path.Combine(_repository.FullName, "MESSAGE");

        File.WriteAllText(message, "Keep the subject short\n\nAnd the detail here.\n# a comment git strips\n");
        Assert.Equal(0, Run(hook, message).Exit);
        File.WriteAllText(message, new string('x', 73) + "\n");
        Assert.Contains("73 characters", Run(hook, message).Error);
        File.WriteAllText(message, "Subject\nbody straight after\n");
        Assert.Contains("blank line", Run(hook, message).Error);
    }
}
