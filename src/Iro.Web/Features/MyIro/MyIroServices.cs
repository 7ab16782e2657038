using Iro.Web.Features.MyIro;

namespace Iro.Web;

public static class MyIroServices
{
    /// <summary>"My IRO" letters, the e-mail to an IRO on a new allocation, and agency activity for invoicing.</summary>
    public static IServiceCollection AddMyIro(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.SectionName));
        services.AddScoped<MyIroLetters>();
        services.AddScoped<IAllocationNotifier, MailAllocationNotifier>();
        services.AddScoped<Features.Agencies.AgencyActivityQuery>();
        return services;
    }
}
