namespace Iro.Web.Audit;

/// <summary>
/// Per-scope switch for the write audit. Bulk imports and seeding turn it off so that loading thousands of
/// historic rows does not flood the trail; interactive changes always leave it on.
/// </summary>
public sealed class AuditSwitch
{
    public bool Enabled { get; private set; } = true;

    /// <summary>Turns the write audit off until the returned handle is disposed.</summary>
    public IDisposable Suspend()
    {
        Enabled = false;
        return new Resume(this);
    }

    private sealed class Resume(AuditSwitch owner) : IDisposable
    {
        public void Dispose() => owner.Enabled = true;
    }
}
