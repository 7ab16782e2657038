namespace Iro.Web.Audit;

/// <summary>
/// The reason a person gave for the changes about to be saved in this request, written on each of their write
/// audit entries. A manager changing or deleting an entry someone else wrote must give one
/// (<see cref="Access.Authorship"/>); the audit keeps it next to the old and new values.
/// </summary>
public sealed class ChangeReason
{
    public string? Text { get; private set; }

    /// <summary>Sets the reason until the returned handle is disposed (the save it explains).</summary>
    public IDisposable Because(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Text = Domain.Reviews.ReviewTextLimits.Normalise(reason);
        return new Clear(this);
    }

    private sealed class Clear(ChangeReason owner) : IDisposable
    {
        public void Dispose() => owner.Text = null;
    }
}
