using Iro.Web.Cli;

StartupTrace.Mark("entered Main");

// One executable: `iro serve` runs the web app; the other verbs are the command line.
return await IroCommandLine.RunAsync(args);

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
