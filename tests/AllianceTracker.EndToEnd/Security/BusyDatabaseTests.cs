using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Security;

public sealed class BusyDatabaseTests : FreshBrowserAppTest
{
    [Fact]
    public async Task An_editor_saving_while_the_database_is_locked_is_told_so_keeps_what_they_typed_and_saves_once_it_is_free()
    {
        var page = await App.SignedInPageAsync(Roles.Editor);
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();
        var dialog = await StanceEditDialog.OpenAsync(page, "SVK", "ukraine-fund");
        await dialog.ChooseStanceAsync("Supports");
        await dialog.TypeEffectiveDateAsync(new DateOnly(2024, 4, 20));
        await dialog.TypeAsync("edit-reason", "Bratislava announced it will back the fund.");
        await dialog.ChooseSourceAsync("Bolster Ukraine");
        await dialog.TypeAsync("edit-excerpt", "Slovakia will support the proposed fund, the prime minister said.");

        using (var otherWriter = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False"))
        {
            otherWriter.Open();
            using var begin = otherWriter.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();

            await dialog.ClickSaveAsync();

            await Assertions.Expect(dialog.Dialog.Locator("[data-testid=save-error]")).ToContainTextAsync("nothing was saved", new() { Timeout = 10_000 });
            await Assertions.Expect(dialog.Dialog.Locator("[data-testid=edit-reason]"))
                .ToHaveValueAsync("Bratislava announced it will back the fund.");
            Assert.Equal("true", await page.Locator("[data-interactive]").First.GetAttributeAsync("data-interactive"));
        }

        await dialog.SaveAsync();
        await Assertions.Expect(dashboard.Cell("SVK", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "supports");
        await page.Context.CloseAsync();
    }
}
