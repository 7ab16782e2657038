using Iro.Web.Access;
using System.Globalization;
using System.Net;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features;
using Iro.Web.Features.Reviews;
using Iro.Web.Tests.Features;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Security;

/// <summary>
/// The server's input limits, whatever the browser sends: text within its column, dates within 1900 to ten years
/// ahead, enum values from their set, references to things that exist, no control characters, and pages that
/// answer only GET and POST. A1's held review (4 May 2026) has one decision; today is 27 November 2026.
/// </summary>
public abstract class InputLimitTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Fact]
    public async Task Text_beyond_its_column_is_never_saved_whoever_saves_it()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var child = await db.Children.SingleAsync(c => c.LocalId == "N1");
        db.CaseNotes.Add(new CaseNote { ChildId = child.Id, Text = new string('x', ReviewTextLimits.CaseNote + 1) });

        var refused = await Assert.ThrowsAsync<TextTooLongException>(() => db.SaveChangesAsync());

        Assert.Equal((nameof(CaseNote), nameof(CaseNote.Text), ReviewTextLimits.CaseNote), (refused.Entity, refused.Property, refused.MaxLength));
        Assert.Equal(0, Query(app, d => d.CaseNotes.Count(n => n.ChildId == child.Id)));
    }

    [Fact]
    public async Task Control_characters_are_stripped_on_save_and_the_letter_still_downloads_and_can_be_edited()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var review = await HeldReviewAsync();
        var letter = ChildLinks.Review("A1", review.Id, "letter");

        var saved = await PostAsync(ada, letter + "?handler=Draft", new Dictionary<string, string>
        {
            ["WorkingWell"] = "School\u0001 is going\u001b well.\tReally.", ["Version"] = review.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("School is going well.\tReally.", Review(app, review.Id).LetterWorkingWell);
        using var docx = await ada.GetAsync(ChildLinks.Review("A1", review.Id, "letter/print") + "?handler=Docx");
        docx.EnsureSuccessStatusCode();
        Assert.Empty(LetterDocumentTests.ValidationErrors(await docx.Content.ReadAsByteArrayAsync()));
        var again = await PostAsync(ada, letter + "?handler=Draft", new Dictionary<string, string>
        {
            ["WorkingWell"] = "School is going well.", ["Version"] = Review(app, review.Id).Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public void A_letter_with_control_characters_saved_before_they_were_stripped_is_still_a_valid_word_document()
    {
        var child = new Child { LocalId = "X1", FirstName = "Amara", LastName = "Khan" };
        var review = new Review { HeldOn = new DateOnly(2026, 11, 20), LetterWorkingWell = "School\u0001 is going well \ud83d\ude00.", LetterWorries = "Contact\u0000 with mum\uffff." };

        var bytes = LetterDocument.Build(RecordOfReviewLetter.For(child, review, new DateOnly(2026, 11, 27)));

        Assert.Empty(LetterDocumentTests.ValidationErrors(bytes));
        Assert.Contains("School is going well \ud83d\ude00.", LetterDocumentTests.Text(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2037-01-01", "By when must be the same as or before 27 November 2036")]
    [InlineData("1899-12-31", "By when must be the same as or after 1 January 1900")]
    public async Task Dates_before_1900_or_more_than_ten_years_ahead_are_refused_on_the_form(string dueBy, string message)
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var review = await HeldReviewAsync();
        var before = review.Decisions.Count;

        var response = await PostAsync(ada, ChildLinks.Review("A1", review.Id, "decisions") + "?handler=Add", new Dictionary<string, string>
        {
            ["What"] = "Arrange a dental check-up", ["PersonName"] = "Sam Carer", ["PersonRole"] = "Foster carer", ["DueBy"] = dueBy,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Review(app, review.Id).Decisions.Count);
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("1")]
    [InlineData("")]
    public async Task A_decision_status_outside_its_set_is_refused_and_changes_nothing(string status)
    {
        // A manager, giving the reason the author rule asks of anyone changing another person's decision.
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var review = await HeldReviewAsync();
        var decisions = ChildLinks.Review("A1", review.Id, "decisions") + "?handler=Status";
        var decision = review.Decisions.Single();
        var done = await PostAsync(manager, decisions, StatusFields(decision.Id, "NoLongerNeeded", decision.Version));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = Review(app, review.Id).Decisions.Single();

        var refused = await PostAsync(manager, decisions, StatusFields(decision.Id, status, stored.Version));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal((DecisionStatus.NoLongerNeeded, stored.Version), (Review(app, review.Id).Decisions.Single().Status, Review(app, review.Id).Decisions.Single().Version));
    }

    [Fact]
    public async Task A_chair_who_does_not_exist_is_an_error_on_the_form_not_a_failed_save()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var id = await BookAsync(manager, "D1", "2026-12-01");

        var response = await PostAsync(manager, $"/children/D1/reviews/{id}/record", RecordFields(999_999, Review(app, id).Version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select who chaired the review", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Planned, Review(app, id).Status);
    }

    [Theory]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", "/children/A1")]
    [InlineData("PATCH", "/reviews/due")]
    [InlineData("PUT", "/children/A1/oversight")]
    public async Task Pages_answer_other_methods_with_405(string method, string path)
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x") };

        using var response = await manager.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains(HttpMethod.Post.Method, response.Content.Headers.Allow);
    }

    private static Dictionary<string, string> StatusFields(int decisionId, string status, Guid version) => new()
    {
        ["decisionId"] = decisionId.ToString(CultureInfo.InvariantCulture), ["status"] = status, ["version"] = version.ToString(),
        [Authorship.ReasonField] = "Correcting the decision's status",
    };

    /// <summary>A1's held review (the crawl scenario's), with its decisions.</summary>
    private Task<Review> HeldReviewAsync() => Task.FromResult(Query(app, db =>
        db.Reviews.AsNoTracking().Include(r => r.Decisions).Single(r => r.Child!.LocalId == "A1" && r.Status == ReviewStatus.Held && r.HeldOn == new DateOnly(2026, 5, 4))));
}

public sealed class InputLimitSqliteTests(SqliteCrawlApp app) : InputLimitTests<SqliteCrawlApp>(app);

public sealed class InputLimitPostgresTests(PostgresCrawlApp app) : InputLimitTests<PostgresCrawlApp>(app);
