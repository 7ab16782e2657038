using System.Text.Json.Nodes;
using Iro.Domain.Allocations;
using Iro.Domain.Officers;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;
using Iro.Web.Features.AnnualReport;

namespace Iro.Web.Tests.Features.AnnualReport;

/// <summary>The report's caseload months, its new reconciliation checks, the "not recorded" rule and its charts, without a database.</summary>
public sealed class AnnualReportContentTests
{
    [Fact]
    public void The_caseload_months_of_a_year_are_its_twelve_month_ends_from_April_to_31_March()
    {
        var months = YearCaseloads.MonthEndsOf(new ReportingYear(2017));

        Assert.Equal(12, months.Count);
        Assert.Equal(new DateOnly(2017, 4, 30), months[0]);
        Assert.Equal(new DateOnly(2018, 2, 28), months[10]);
        Assert.Equal(new DateOnly(2018, 3, 31), months[11]);
    }

    [Fact]
    public void The_caseload_check_fails_when_an_IRO_is_of_neither_employment_type()
    {
        var snapshot = new CaseloadSnapshot(new DateOnly(2018, 3, 31),
        [
            new OfficerCaseload(1, Employment.InHouse, 1.0m, 10),
            new OfficerCaseload(2, (Employment)99, 0.5m, 4),
        ]);

        var failures = AnnualReportChecks.Caseloads(snapshot, "2017-18");

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Figure.Contains("IROs by employment", StringComparison.Ordinal) && f.Problem.Contains("add up to 1 but the total is 2", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Figure.Contains("children by employment", StringComparison.Ordinal) && f.Problem.Contains("add up to 10 but the total is 14", StringComparison.Ordinal));
        Assert.Empty(AnnualReportChecks.Caseloads(new CaseloadSnapshot(snapshot.On, [snapshot.Officers[0]]), "2017-18"));
    }

    [Fact]
    public void The_advocacy_check_fails_when_the_sources_do_not_sum_to_the_referrals()
    {
        AdvocacyFigures Advocacy(int referrals) => new(2, 0, referrals, 10, [new VoiceCount("Iro", 2), new VoiceCount("Child", 1)], [], 0m);

        var failure = Assert.Single(AnnualReportChecks.Advocacy(Advocacy(4), "2017-18"));

        Assert.Equal("Advocacy referrals in 2017-18, by source", failure.Figure);
        Assert.Empty(AnnualReportChecks.Advocacy(Advocacy(3), "2017-18"));
    }

    [Fact]
    public void A_section_whose_data_is_not_recorded_says_so_instead_of_showing_zeros()
    {
        var report = JsonNode.Parse("""
            { "year": "2017-18",
              "voice": { "advocacy": { "referrals": 0 }, "independentVisitors": { "childrenWithVisitor": 0, "waiting": 0 },
                         "feedback": { "responses": 0 }, "audits": { "audits": 0 }, "missing": { "episodes": 0 }, "placementMoves": { "moves": 0 } },
              "caseloads": { "atEnd": { "service": { "headcount": 0 } } },
              "paperwork": { "reviews": 0, "onTime": 0, "percent": 0.0 }, "activity": { "midwayReviews": 0, "caseNotes": 0, "decisions": 0 } }
            """)!.AsObject();

        var sections = ReportLayout.Sections(report, null);

        foreach (var title in new[]
                 {
                     "Caseloads", "Paperwork on time", "Activity between reviews", "Advocacy and independent visitors", "Children's feedback and file audits",
                     "Missing and return home interviews",
                 })
        {
            var section = Assert.Single(sections, s => s.Title == title);
            Assert.Empty(section.Tables);
            Assert.All(section.Paragraphs, p => Assert.Contains("no figures for the year", p, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_percentage_shows_its_numerator_denominator_and_the_change_in_percentage_points()
    {
        var report = JsonNode.Parse("""
            { "year": "2017-18",
              "voice": { "advocacy": { "referrals": 3, "childrenReferred": 3, "lookedAfterAtEnd": 8 }, "independentVisitors": { "childrenWithVisitor": 0, "waiting": 0 } },
              "previousYear": { "year": "2016-17", "voice": { "advocacy": { "referrals": 1, "childrenReferred": 1, "lookedAfterAtEnd": 4 } } } }
            """)!.AsObject();

        var table = ReportLayout.Sections(report, null).Single(s => s.Title == "Advocacy and independent visitors").Tables[0];

        // 3 / 8 = 37.5%; 1 / 4 = 25.0%: up 12.5pp.
        var row = table.Rows.Single(r => r.Label == "Children referred for advocacy");
        Assert.Equal("37.5% (3 of 8); previous year 25.0% (1 of 4), up 12.5pp", row.Note);
    }

    [Fact]
    public void A_chart_has_a_text_alternative_listing_every_bar_and_draws_as_SVG_and_PNG()
    {
        var chart = new ReportChart("Children per FTE", [new ChartBar("April 2017", 52.5m), new ChartBar("May 2017", null)], "", [new ChartLine("Band maximum", 70)]);

        Assert.Equal("Bar chart. Children per FTE: April 2017 52.5; May 2017 none. Reference lines: Band maximum 70. The same figures are in the table beside it.", chart.TextAlternative);
        var svg = ReportChartSvg.Render(chart, "chart-1");
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"chart-1-desc\">Bar chart. Children per FTE", svg, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "<rect "));
        var png = ReportChartImage.Png(chart);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.Equal(ReportChartImage.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
    }
}
