using System.CommandLine;
using Iro.Web.Features.Account;

namespace Iro.Web.Cli;

internal static class UserCommands
{
    public static Command Create(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "The user's email, also their sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = "Iro, Manager, BusinessSupport, AgencyCoordinator, Analyst or Admin.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (defaults to the email)." };
        var agency = new Option<string?>("--agency") { Description = "For AgencyCoordinator: the commissioned agency." };
        var passwordFile = new Option<FileInfo?>("--password-file")
        {
            Description = "Read the password from the first line of this file (for scripts; keeps it off the command line).",
        };
        var add = new Command("add", "Add a staff account. Prompts for the password, or generates one when there is no terminal.")
        {
            email, role, name, agency, passwordFile,
        };
        add.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            await CommandHost.MigrateAsync(services, token);
            var password = parse.GetValue(passwordFile) is { } file ? await ReadFirstLineAsync(file, token) : ReadPassword(cli);
            var generated = password is null;
            password ??= UserProvisioning.GeneratePassword();
            var emailValue = parse.GetValue(email)!;
            var result = await services.GetRequiredService<UserProvisioning>().CreateAsync(
                emailValue, parse.GetValue(name) ?? emailValue, parse.GetValue(role)!, password, parse.GetValue(agency), token);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) await cli.Error.WriteLineAsync($"error: {e}");
                return 1;
            }

            await cli.Output.WriteLineAsync($"Added {emailValue} as {Access.Roles.Normalise(parse.GetValue(role)!)}.");
            if (generated) await cli.Output.WriteLineAsync($"Password: {password}");
            return 0;
        }, ct));
        return new Command("users", "Staff accounts.") { add };
    }

    private static async Task<string> ReadFirstLineAsync(FileInfo file, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(file.FullName, ct);
        return lines.FirstOrDefault() ?? "";
    }

    private static string? ReadPassword(CliContext cli)
    {
        if (Console.IsInputRedirected || cli.Output != Console.Out) return null;
        cli.Output.Write("Password (leave blank to generate one): ");
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (chars.Count > 0) chars.RemoveAt(chars.Count - 1); continue; }
            chars.Add(key.KeyChar);
        }

        cli.Output.WriteLine();
        return chars.Count == 0 ? null : new string([.. chars]);
    }
}
