using System.CommandLine;

namespace Iro.Web.Cli;

/// <summary>The <c>iro</c> command line. With no verb (or only host options such as --urls) it serves the app.</summary>
public static class IroCommandLine
{
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter? output = null,
        TextWriter? error = null,
        IDictionary<string, string?>? configOverrides = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version"))
            return await ServeCommand.ServeAsync(args);

        var context = new CliContext(output, error, configOverrides);
        var root = new RootCommand("IRO Service Manager: the system an IRO service runs on.")
        {
            ServeCommand.Create(),
            DatabaseCommands.Create(context),
            DemoCommands.Create(context),
            UserCommands.Create(context),
            ImportCommands.Create(context),
        };
        foreach (var extension in Extensions) root.Subcommands.Add(extension(context));
        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Further verb groups (reviews, export) registered by their features.</summary>
    internal static readonly List<Func<CliContext, Command>> Extensions = [ReviewsCommands.Create, Ssda903Commands.Export, EscalationsCommands.Create, ReportCommands.Create, CaseloadsCommands.Create, VoiceCommands.Create, ChildrenCommands.Create];
}

/// <summary>Where a verb writes, and configuration overrides (used by tests to point at their database).</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, IDictionary<string, string?>? ConfigOverrides);
