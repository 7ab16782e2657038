using System.Globalization;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Iro.Browser.Tests;

/// <summary>The caseload dashboard, the "My IRO" letter at both reading levels and the agency activity workbook.</summary>
public sealed class CaseloadPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_caseload_dashboard_renders_every_iro_against_the_band()
    {
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync("/caseloads");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Caseloads");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("LY1", 2018, "Wording for under 11s")]
    [InlineData("LO1", 2012, "Wording for 11 and over")]
    public async Task The_my_iro_letter_prints_at_the_childs_reading_level(string childId, int bornIn, string wording)
    {
        await SeedAllocatedChildAsync(childId, new DateOnly(bornIn, 1, 15));
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync($"/children/{childId}/my-iro");
        await Assertions.Expect(page.Locator("#reading-level")).ToHaveTextAsync(wording);
        await Assertions.Expect(page.Locator("#letter-signature")).ToContainTextAsync("Ada Lovelace");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_agency_activity_workbook_downloads_with_the_figures_on_the_page()
    {
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync("/agencies/activity?From=2026-10&To=2026-10");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var firstRow = page.Locator("table.govuk-table tbody tr").First;
        var cells = await firstRow.Locator("td").AllInnerTextsAsync();
        var (officer, allocatedOnPage) = (cells[1], int.Parse(cells[4], CultureInfo.InvariantCulture));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "2026-10", excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows, r => Equals(r["iro"], officer));
        Assert.Equal(allocatedOnPage, Convert.ToInt32(row["children_allocated_at_month_end"], CultureInfo.InvariantCulture));
    }

    private async Task SeedAllocatedChildAsync(string id, DateOnly dateOfBirth)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var ada = await db.ReviewingOfficers.SingleAsync(o => o.Email == AccessScenario.IroAda);
        var start = new DateOnly(2026, 9, 1);
        var child = new Child { LocalId = id, FirstName = "Letter", LastName = id, DateOfBirth = dateOfBirth, Sex = Sex.M, Ethnicity = Ethnicity.WBRI };
        child.Episodes.Add(new CareEpisode
        {
            Start = start, ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
            CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U6, PlacementProvider = PlacementProvider.PR1,
        });
        child.IroAllocations.Add(new IroAllocation { ReviewingOfficer = ada, From = start });
        db.Children.Add(child);
        await db.SaveChangesAsync();
    }
}
