using Iro.Domain.Allocations;

namespace Iro.Web.Features.Caseloads;

/// <summary>One point of a caseload trend: a month end (or today) and the caseload then.</summary>
public sealed record TrendPoint(DateOnly On, Caseload Caseload);

/// <summary>A caseload trend to draw (the chart) and list (the table), against the band.</summary>
public sealed record CaseloadTrend(string Title, IReadOnlyList<TrendPoint> Points, CaseloadBand Band);
