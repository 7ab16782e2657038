using Iro.Domain.Timetable;
using Iro.Web.Features.Timetable;
using Iro.Web.Features.Timetable.Store;

namespace Iro.Web;

public static class TimetableServices
{
    /// <summary>
    /// The review timetable: its statutory options and the service's settings (one configuration section), the
    /// working-day calendar with administrators' bank holidays, the service that computes timetables, and the
    /// materialised timetable kept from it (with its background drainer).
    /// </summary>
    public static IServiceCollection AddTimetable(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TimetableOptions>(configuration.GetSection(TimetableOptions.SectionName));
        services.Configure<TimetableSettings>(configuration.GetSection(TimetableOptions.SectionName));
        services.AddSingleton<BankHolidayCalendar>();
        services.AddScoped<TimetableService>();
        services.AddOptions<TimetableStoreOptions>().BindConfiguration(TimetableStoreOptions.SectionName);
        services.AddSingleton<TimetableStoreCoordinator>();
        services.AddScoped<TimetableStore>();
        services.AddHostedService<TimetableStoreDrainer>();
        return services;
    }
}
