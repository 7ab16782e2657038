using System.Net;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Features.Account;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Iro.Web.Tests.Security;

/// <summary>
/// Passwords on the common-password deny-list (from the npm package) are refused wherever a password is set; a
/// long uncommon password needs no particular mix of characters.
/// </summary>
public sealed class PasswordDenyListTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("Password1234")]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234!")]
    [InlineData("qwertyuiop123")]
    [InlineData("123456789012")]
    public async Task Common_passwords_and_listed_words_padded_with_digits_are_refused_by_the_validator(string password)
    {
        var result = await ValidateAsync(password);

        Assert.Contains(result.Errors, e => e.Code == DenyListPasswordValidator.ErrorCode);
    }

    [Theory]
    [InlineData("quiet lantern of porridge")]
    [InlineData("marmalade-tugboat-quartz")]
    public async Task A_long_uncommon_password_needs_no_composition_rules(string password)
    {
        var result = await ValidateAsync(password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public void The_list_is_the_package_list_loaded_once()
    {
        var denyList = app.Services.GetRequiredService<PasswordDenyList>();

        Assert.Same(denyList, app.Services.GetRequiredService<PasswordDenyList>());
        Assert.True(denyList.Count > 10_000, $"{denyList.Count} passwords");
    }

    [Fact]
    public async Task Iro_users_add_refuses_a_common_password_and_accepts_an_uncommon_one()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "Password1234\n");
            var (refusedExit, _, refusedError) = await RunAsync("users", "add", "--email", "common@test.example", "--role", "Manager", "--password-file", file);

            await File.WriteAllTextAsync(file, "marmalade-tugboat-quartz\n");
            var (acceptedExit, acceptedOutput, _) = await RunAsync("users", "add", "--email", "uncommon@test.example", "--role", "Manager", "--password-file", file);

            Assert.Equal(1, refusedExit);
            Assert.Contains("common or breached passwords", refusedError, StringComparison.Ordinal);
            Assert.Equal(0, acceptedExit);
            Assert.DoesNotContain("Password:", acceptedOutput, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(SignIn.NewClient(app), "uncommon@test.example", "marmalade-tugboat-quartz")).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<IdentityResult> ValidateAsync(string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "someone@test.example", Email = "someone@test.example" };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, app.Database.Settings);
        return (exit, output.ToString(), error.ToString());
    }
}
