using Iro.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Iro.Web.Features.MyIro;

/// <summary>
/// SMTP settings (section <see cref="SectionName"/>). Mail is off unless <see cref="Host"/> and <see cref="From"/>
/// are set; a user name is given only when the server needs one.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? From { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>The service's address, such as <c>https://iro.example.gov.uk</c>, for links in mails; relative links without it.</summary>
    public string? ServiceUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Tells an IRO about a new allocation. Called after the allocation is saved; never throws for a failed send.</summary>
public interface IAllocationNotifier
{
    Task NotifyAsync(int allocationId, CancellationToken ct = default);
}

/// <summary>
/// E-mails the IRO of a new allocation when mail is configured. The mail carries as little personal data as
/// will do: the child's ID (not their name), the date the allocation starts and a link to the child's record,
/// which the IRO opens after signing in. A failed send is logged; the allocation is already saved.
/// </summary>
public sealed partial class MailAllocationNotifier(IroDbContext db, IOptions<MailOptions> options, ILogger<MailAllocationNotifier> logger) : IAllocationNotifier
{
    public async Task NotifyAsync(int allocationId, CancellationToken ct = default)
    {
        var mail = options.Value;
        if (!mail.IsConfigured) return;
        var allocation = await db.IroAllocations.AsNoTracking()
            .Where(a => a.Id == allocationId)
            .Select(a => new { ChildId = a.Child!.LocalId, a.From, Officer = a.ReviewingOfficer!.Name, a.ReviewingOfficer.Email })
            .SingleOrDefaultAsync(ct);
        if (allocation is null) return;

        var link = (mail.ServiceUrl?.TrimEnd('/') ?? "") + ChildLinks.Record(allocation.ChildId);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.From!));
        message.To.Add(new MailboxAddress(allocation.Officer, allocation.Email));
        message.Subject = $"New allocation: child {allocation.ChildId}";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                Dear {allocation.Officer},

                You have been allocated as the Independent Reviewing Officer for child {allocation.ChildId} from {allocation.From:d MMMM yyyy}.

                The child's record: {link}
                """,
        };

        try
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(mail.Host!, mail.Port, SecureSocketOptions.StartTlsWhenAvailable, ct);
            if (!string.IsNullOrEmpty(mail.User)) await smtp.AuthenticateAsync(mail.User, mail.Password ?? "", ct);
            await smtp.SendAsync(message, ct);
            await smtp.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, e, allocationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The e-mail about new allocation {AllocationId} could not be sent.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, int allocationId);
}
