using System.CommandLine;

namespace Iro.Web.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var serve = new Command("serve", "Run the web app. Accepts the standard ASP.NET Core options, e.g. --urls http://127.0.0.1:5080.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((parse, _) => ServeAsync([.. parse.UnmatchedTokens]));
        return serve;
    }

    public static async Task<int> ServeAsync(string[] hostArgs)
    {
        var app = IroWebApp.Build(hostArgs);
        await app.RunAsync();
        return 0;
    }
}
