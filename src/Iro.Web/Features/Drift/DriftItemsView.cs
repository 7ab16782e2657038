using Iro.Domain.Drift;

namespace Iro.Web.Features.Drift;

/// <summary>The model of the <c>_DriftItems</c> partial: one child's items.</summary>
public sealed record DriftItemsView(string ChildId, IReadOnlyList<DriftItem> Items, DateOnly Today);
