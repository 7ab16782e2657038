using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Iro.Web.Data;
using Iro.Web.Features.MyIro;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Iro.Web.Tests.Features.MyIro;

/// <summary>The app with mail configured to a real SMTP server listening on a free localhost port.</summary>
public sealed class MailApp() : IroAppFactory(DatabaseProvider.Sqlite)
{
    public const string ServiceUrl = "https://iro.example.test";

    private readonly CancellationTokenSource _stop = new();

    public int Port { get; } = FreePort();

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public override async Task InitializeAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:From", "iro-service@example.test");
        builder.UseSetting("Mail:ServiceUrl", ServiceUrl);
    }

    protected override async Task DisposeFixtureAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        await base.DisposeFixtureAsync();
    }

    /// <summary>A port nothing listens on at the moment it is asked for.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

public sealed class AllocationMailTests(MailApp app) : IClassFixture<MailApp>
{
    [Fact]
    public async Task A_new_allocation_is_mailed_to_the_IRO_with_the_child_s_id_start_date_and_link_but_not_their_name()
    {
        var allocationId = await AllocationIdAsync("B1");

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IAllocationNotifier>().NotifyAsync(allocationId);

        var message = Assert.Single(app.Received);
        Assert.Equal(AccessScenario.IroBen, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("iro-service@example.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Contains("B1", message.Subject, StringComparison.Ordinal);
        Assert.Contains("from 10 January 2025", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{MailApp.ServiceUrl}/children/B1", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Osei", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Osei", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_send_is_logged_not_thrown_and_the_allocation_stays()
    {
        var allocationId = await AllocationIdAsync("A1");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var unreachable = Options.Create(new MailOptions { Host = "127.0.0.1", Port = MailApp.FreePort(), From = "iro-service@example.test" });

        await new MailAllocationNotifier(db, unreachable, NullLogger<MailAllocationNotifier>.Instance).NotifyAsync(allocationId);

        Assert.True(await db.IroAllocations.AnyAsync(a => a.Id == allocationId));
    }

    [Fact]
    public async Task Mail_is_off_unless_configured()
    {
        var allocationId = await AllocationIdAsync("D1");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var before = app.Received.Count;

        await new MailAllocationNotifier(db, Options.Create(new MailOptions()), NullLogger<MailAllocationNotifier>.Instance).NotifyAsync(allocationId);

        Assert.Equal(before, app.Received.Count);
        Assert.False(new MailOptions { Host = "127.0.0.1" }.IsConfigured);
    }

    private async Task<int> AllocationIdAsync(string childId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().IroAllocations
            .Where(a => a.Child!.LocalId == childId && a.To == null).Select(a => a.Id).SingleAsync();
    }
}
