using Iro.Domain.Drift;

namespace Iro.Web.Features.Drift;

/// <summary>Where each drift item is put right, and where to raise an escalation about it.</summary>
public static class DriftLinks
{
    public static string PutRight(string childId, DriftItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var child = ChildLinks.Record(childId);
        return item.Rule switch
        {
            DriftRuleKeys.ReviewOverdue => ChildLinks.Reviews(childId),
            DriftRuleKeys.DecisionOverdue when item.ReviewId is { } review => ChildLinks.Review(childId, review, "decisions"),
            DriftRuleKeys.RecordLate when item.ReviewId is { } review => ChildLinks.Review(childId, review, "letter"),
            DriftRuleKeys.MidwayOverdue => ChildLinks.Oversight(childId),
            DriftRuleKeys.ReturnInterview => child + "/missing",
            DriftRuleKeys.SecureWithoutAdvocacy => child + "/advocacy",
            DriftRuleKeys.IndependentVisitor => child + "/independent-visitor",
            DriftRuleKeys.LeavingCare => child + "/leaving-care",
            DriftRuleKeys.PlacementMoves => child + "/placement-moves",
            DriftRuleKeys.SocialWorkers => child + "/social-workers",
            DriftRuleKeys.ConnectedPerson => child + "/connected-person",
            // The SDQ is recorded on the child's record.
            _ => child,
        };
    }

    /// <summary>What the put-right link says.</summary>
    public static string PutRightText(DriftItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Rule switch
        {
            DriftRuleKeys.ReviewOverdue => "Book the review",
            DriftRuleKeys.DecisionOverdue => "Update the decision",
            DriftRuleKeys.RecordLate => "Issue the record",
            DriftRuleKeys.MidwayOverdue => "Record a midway review",
            DriftRuleKeys.ReturnInterview => "Record the interview",
            DriftRuleKeys.SecureWithoutAdvocacy => "Refer for advocacy",
            DriftRuleKeys.IndependentVisitor => "Record the match",
            DriftRuleKeys.LeavingCare => "Record the dates",
            DriftRuleKeys.PlacementMoves => "Review the placement moves",
            DriftRuleKeys.SocialWorkers => "Review the social workers",
            DriftRuleKeys.ConnectedPerson => "Record the approval",
            _ => "Open the record",
        };
    }

    public static string Escalate(string childId, DriftItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ChildLinks.RaiseEscalation(childId, item.Rule == DriftRuleKeys.DecisionOverdue ? item.SourceId : null);
    }
}
