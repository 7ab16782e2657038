namespace Iro.Web.Features.Scheduling;

/// <summary>This instance of the app, as it names itself in job claims and leases: the machine, the process and a random part (one process may host several apps).</summary>
public sealed class InstanceIdentity
{
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
