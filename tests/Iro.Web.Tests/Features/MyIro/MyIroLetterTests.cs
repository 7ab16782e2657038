using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Web.Data;
using Iro.Web.Features.MyIro;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.MyIro;

/// <summary>
/// "My IRO" letters over the access scenario (today 27 November 2026), plus Y1: eight years old, looked after
/// since Monday 16 November 2026 and allocated to Ben on 20 November, so newly allocated in the last 14 days.
/// With no review held, Y1's first review is due 20 working days after the start: Monday 14 December 2026.
/// Everyone else in the scenario is twelve.
/// </summary>
public abstract class MyIroLetterTests(IroAppFactory app) : IAsyncLifetime
{
    private const string BenPhone = "020 7946 0001";

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        if (await db.Children.AnyAsync(c => c.LocalId == "Y1")) return;
        var ben = await db.ReviewingOfficers.SingleAsync(o => o.Email == AccessScenario.IroBen);
        ben.Phone = BenPhone;
        var child = new Child
        {
            LocalId = "Y1", FirstName = "Yusuf", LastName = "Ali", DateOfBirth = new DateOnly(2018, 3, 1), Sex = Sex.M, Ethnicity = Ethnicity.WBRI,
        };
        child.Episodes.Add(new CareEpisode
        {
            Start = new DateOnly(2026, 11, 16), ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
            CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U6, PlacementProvider = PlacementProvider.PR1,
        });
        child.IroAllocations.Add(new IroAllocation { ReviewingOfficer = ben, From = new DateOnly(2026, 11, 20) });
        db.Children.Add(child);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_child_under_11_gets_the_younger_wording_with_the_IRO_s_contacts_and_next_review()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);

        var html = await client.GetStringAsync("/children/Y1/my-iro");

        Assert.Contains("Wording for under 11s", html, StringComparison.Ordinal);
        Assert.Contains("Meet Ben Okri, your IRO", html, StringComparison.Ordinal);
        Assert.Contains("Dear Yusuf,", html, StringComparison.Ordinal);
        Assert.Contains(AccessScenario.IroBen, html, StringComparison.Ordinal);
        Assert.Contains(BenPhone, html, StringComparison.Ordinal);
        Assert.Contains("by 14 December 2026", html, StringComparison.Ordinal);
        Assert.Contains("advocate", html, StringComparison.Ordinal);
        Assert.Contains("complaint", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_of_11_or_over_gets_the_older_wording_naming_their_current_IRO()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);

        // Ada held AB1 until June 2025; the letter introduces Ben, the IRO today.
        var html = await client.GetStringAsync("/children/AB1/my-iro");

        Assert.Contains("Wording for 11 and over", html, StringComparison.Ordinal);
        Assert.Contains("Meet Ben Okri, your IRO", html, StringComparison.Ordinal);
        Assert.Contains("right to an independent advocate", html, StringComparison.Ordinal);
        Assert.Contains("right to make a complaint", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_without_an_IRO_today_has_no_letter_and_the_download_returns_to_the_page()
    {
        var client = await app.ClientForAsync(AccessScenario.Support);

        Assert.Contains("has no IRO allocated today", await client.GetStringAsync("/children/N1/my-iro"), StringComparison.Ordinal);
        var download = await client.GetAsync("/children/N1/my-iro?handler=Docx");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Equal("/children/N1/my-iro", download.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_word_letter_is_valid_and_says_what_the_page_says()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);

        var bytes = await client.GetByteArrayAsync("/children/Y1/my-iro?handler=Docx");

        var errors = LetterDocumentTests.ValidationErrors(bytes);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Description)));
        var text = LetterDocumentTests.Text(bytes);
        Assert.Contains("Meet Ben Okri, your IRO", text, StringComparison.Ordinal);
        Assert.Contains("by 14 December 2026", text, StringComparison.Ordinal);
        Assert.Contains(BenPhone, text, StringComparison.Ordinal);
        Assert.Equal(0, PageBreaks(bytes));
    }

    [Fact]
    public async Task The_batch_holds_a_page_for_each_child_newly_allocated_in_the_last_14_days_and_audits_each()
    {
        var client = await app.ClientForAsync(AccessScenario.Support);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        var page = await client.GetStringAsync("/my-iro/new-allocations");
        var bytes = await client.GetByteArrayAsync("/my-iro/new-allocations?handler=Docx");

        Assert.Contains("1 child allocated from 13 November 2026 to 27 November 2026", page, StringComparison.Ordinal);
        var errors = LetterDocumentTests.ValidationErrors(bytes);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Description)));
        Assert.Contains("Dear Yusuf,", LetterDocumentTests.Text(bytes), StringComparison.Ordinal);
        Assert.Equal(0, PageBreaks(bytes));
        var reads = await AuditQueries.ChildReadsAfterAsync(app.Services, before);
        Assert.Equal(["Y1"], reads.Select(r => r.EntityKey).Distinct());
    }

    [Theory]
    // Current allocations starting from 10 January 2025: A1 (Ada), B1 (Ben), D1 (Dev), AB1 (Ben, July 2025), Y1 (Ben).
    [InlineData(AccessScenario.Manager, new[] { "Amara", "Ben", "Leo", "Zara", "Yusuf" })]
    // An IRO gets only the children newly allocated to them.
    [InlineData(AccessScenario.IroBen, new[] { "Ben", "Zara", "Yusuf" })]
    [InlineData(AccessScenario.IroAda, new[] { "Amara" })]
    public async Task A_wider_range_gives_one_page_per_child_in_the_user_s_reach(string user, string[] firstNames)
    {
        var client = await app.ClientForAsync(user);

        var bytes = await client.GetByteArrayAsync("/my-iro/new-allocations?handler=Docx&From.Day=10&From.Month=1&From.Year=2025&To.Day=27&To.Month=11&To.Year=2026");

        var text = LetterDocumentTests.Text(bytes);
        string[] everyone = ["Amara", "Ben", "Zara", "Leo", "Ivy", "Yusuf"];
        Assert.Equal(firstNames.Order(), everyone.Where(n => text.Contains($"Dear {n},", StringComparison.Ordinal)).Order());
        Assert.Equal(firstNames.Length - 1, PageBreaks(bytes));
    }

    [Theory]
    [InlineData(AccessScenario.Analyst)]
    [InlineData(AccessScenario.Coordinator)]
    [InlineData(AccessScenario.Admin)]
    public async Task Roles_that_do_not_send_letters_are_refused_the_batch(string user)
    {
        var client = await app.ClientForAsync(user);

        var response = await client.GetAsync("/my-iro/new-allocations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_end_date_before_the_start_is_an_error_and_downloads_nothing()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);

        var response = await client.GetAsync("/my-iro/new-allocations?handler=Docx&From.Day=10&From.Month=11&From.Year=2026&To.Day=1&To.Month=11&To.Year=2026");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("The end date must be the same as or after the start date", html, StringComparison.Ordinal);
    }

    private static int PageBreaks(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<PageBreakBefore>().Count();
    }
}

public sealed class MyIroLetterSqliteTests(SqliteApp app) : MyIroLetterTests(app), IClassFixture<SqliteApp>;

public sealed class MyIroLetterPostgresTests(PostgresApp app) : MyIroLetterTests(app), IClassFixture<PostgresApp>;
