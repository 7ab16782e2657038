using System.CommandLine;
using Iro.Domain.Calendar;
using Iro.Web.Demo;

namespace Iro.Web.Cli;

internal static class DemoCommands
{
    public static Command Create(CliContext cli)
    {
        var seed = new Option<int>("--seed") { Description = "Seed number; the same seed gives the same borough.", DefaultValueFactory = _ => 2026 };
        var children = new Option<int>("--children") { Description = "Children looked after at 31 March (about 320 by default).", DefaultValueFactory = _ => 320 };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Date the borough's history runs to (YYYY-MM-DD); today by default." };
        var reset = new Option<bool>("--reset") { Description = "Delete the existing database first." };
        var seedCommand = new Command("seed", "Build a fictional borough with three years' history and demo accounts.") { seed, children, asOf, reset };
        seedCommand.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            var clock = services.GetRequiredService<TimeProvider>();
            var date = parse.GetValue(asOf) ?? clock.ServiceToday();
            var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(
                parse.GetValue(seed), Math.Max(1, parse.GetValue(children)), date, parse.GetValue(reset), token);
            await cli.Output.WriteLineAsync(result.Message);
            if (result.Accounts.Count > 0) await cli.Output.WriteLineAsync("Demo accounts:");
            foreach (var account in result.Accounts)
                await cli.Output.WriteLineAsync($"  {account.Role,-18} {account.Email,-40} password: {account.Password}");
            return 0;
        }, ct));
        return new Command("demo", "Demonstration data.") { seedCommand };
    }
}
