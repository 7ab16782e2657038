using Iro.Domain.Children;
using Iro.Web.Access;
using Iro.Web.Data;

namespace Iro.Web.Features.Voice;

/// <summary>
/// Who the child's-voice service pages count and name. Those who see the service's figures (managers, business
/// support, administrators, analysts) count every child; others count the children they may see. Only users who
/// may open children's records (never analysts) see names, and only of the children they may see.
/// </summary>
public static class VoiceScope
{
    public static bool MayOpen(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Can(Permissions.ViewServiceFigures) || user.Can(Permissions.ViewChildren);
    }

    public static bool ShowsNames(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Can(Permissions.ViewChildren);
    }

    public static IQueryable<Child> CountedChildren(IroDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return user.Can(Permissions.ViewServiceFigures) ? db.Children : db.Children.VisibleTo(user);
    }

    public static IQueryable<Child> NamedChildren(IroDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return ShowsNames(user) ? db.Children.VisibleTo(user) : db.Children.Where(_ => false);
    }
}
