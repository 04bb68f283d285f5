using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace AllianceTracker.Tests.Shared;

/// <summary>
/// The real app, on its own SQLite file in a temporary folder, set through configuration. On start
/// the app migrates that file and imports the seeds, exactly as on a fresh machine.
/// </summary>
public class AllianceAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "alliance-tracker.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", DatabasePath);
        // Test hosts have no client address, so every test shares one rate-limit partition.
        builder.UseSetting("Access:SignInAttemptsPerMinute", "10000");
        // The demo editor is for people trying the app by hand, not for tests.
        builder.UseSetting("Access:CreateDemoEditor", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the OS temp cleaner; it must not fail the run.
            }
        }
    }
}
