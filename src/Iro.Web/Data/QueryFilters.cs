using System.Linq.Expressions;
using Iro.Domain.Reviews;
using Iro.Domain.Voice;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Data;

/// <summary>
/// The model's query filters, in one place: a soft-deleted record (or one hanging off a deleted review) is never read.
/// They are applied both to the model built from the configurations and to the compiled model
/// (<see cref="CompiledModel"/>), which EF Core cannot generate with filters in it.
/// </summary>
internal static class QueryFilters
{
    public static readonly IReadOnlyList<(Type Entity, LambdaExpression Filter)> All =
    [
        For<Review>(r => !r.IsDeleted),
        For<ReviewDecision>(d => !d.IsDeleted),
        // A change request, and an audit of a review's file, go with a deleted review, as its other entries do.
        For<ReviewChangeRequest>(r => !r.Review!.IsDeleted),
        For<FileAudit>(a => !a.Review!.IsDeleted),
        For<CaseNote>(n => !n.IsDeleted),
        For<MidwayReview>(m => !m.IsDeleted),
        For<AdvocacyReferral>(r => !r.IsDeleted),
        For<IndependentVisitor>(v => !v.IsDeleted),
        For<FeedbackReturn>(f => !f.IsDeleted),
    ];

    public static void ApplyTo(ModelBuilder builder)
    {
        foreach (var (entity, filter) in All)
            builder.Entity(entity).HasQueryFilter(filter);
    }

    private static (Type, LambdaExpression) For<TEntity>(Expression<Func<TEntity, bool>> filter) => (typeof(TEntity), filter);
}
