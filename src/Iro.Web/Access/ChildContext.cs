using Iro.Domain.Children;
using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Access;

/// <summary>
/// The child a child-level request is about, loaded once per request within the user's scope by
/// <see cref="ChildContextMiddleware"/> before any page, download or API handler runs. Handlers read the child
/// from here and ask it for permissions; a child outside the scope never reaches them (the request has already
/// been answered "not found").
/// </summary>
public sealed class ChildContext(IroDbContext db, CurrentUserAccessor users, AuditLog audit, IAuthorizationService authorization, IHttpContextAccessor http)
{
    /// <summary>Route parameters that name a child or one of a child's reviews.</summary>
    public const string ChildParameter = "childId";
    public const string ReviewParameter = "reviewId";

    private Child? _child;

    /// <summary>The child (untracked, without related data): its key and identity for the handler's own query.</summary>
    public Child Child => _child ?? throw new InvalidOperationException("No child-level route value: this request is not about a child.");

    public int ChildKey => Child.Id;

    public string ChildId => Child.LocalId;

    public bool IsLoaded => _child is not null;

    /// <summary>
    /// Whether the user may change this child's records (<see cref="WriteScope"/>). Requests that would change
    /// them are refused before any handler runs when this is false; pages use it to hide what they could not do.
    /// </summary>
    public bool CanWrite { get; private set; }

    public Task<CurrentUser> UserAsync(CancellationToken ct = default) => users.GetAsync(ct);

    /// <summary>Whether the signed-in user holds a permission (see <see cref="Permissions"/>) for this child.</summary>
    public async Task<bool> CanAsync(string permission)
    {
        var principal = http.HttpContext?.User ?? throw new InvalidOperationException("No HTTP context.");
        return (await authorization.AuthorizeAsync(principal, _child, permission)).Succeeded;
    }

    /// <summary>
    /// Whether the user may do something that changes this child's records: within the write scope and holding the
    /// permission. Pages offer a form or a button only when this is true.
    /// </summary>
    public async Task<bool> CanChangeAsync(string permission) => CanWrite && await CanAsync(permission);

    /// <summary>
    /// Sets the child of a request that has already opened it (<see cref="OpenAsync"/>), in a scope of its own: for
    /// a result kept per data version, computed outside the request. Grants nothing: permissions and the write
    /// scope stay with the request's own context.
    /// </summary>
    public void UseOpened(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (_child is not null) throw new InvalidOperationException("The child context already has a child.");
        _child = child;
    }

    /// <summary>
    /// Loads the child (and checks the review belongs to them) within the user's scope; records the read for
    /// reads. False when either is not found or not visible: the two are indistinguishable.
    /// </summary>
    internal async Task<bool> OpenAsync(string childId, int? reviewId, string? readPath, CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        var child = await db.FindVisibleAsync(user, childId, ct);
        if (child is null) return false;
        if (reviewId is { } id && !await db.Reviews.AnyAsync(r => r.Id == id && r.ChildId == child.Id && !r.IsDeleted, ct)) return false;
        _child = child;
        CanWrite = await WriteScope.AllowsAsync(db, user, child.Id, ct);
        if (readPath is not null) await audit.RecordChildReadAsync(user.UserId, child.LocalId, readPath, ct);
        return true;
    }
}
