using Iro.Domain.Timetable;
using Iro.Web.Features.Timetable;

namespace Iro.Web;

public static class TimetableServices
{
    /// <summary>
    /// The review timetable: its statutory options and the service's settings (one configuration section), the
    /// working-day calendar with administrators' bank holidays, and the service that computes timetables.
    /// </summary>
    public static IServiceCollection AddTimetable(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TimetableOptions>(configuration.GetSection(TimetableOptions.SectionName));
        services.Configure<TimetableSettings>(configuration.GetSection(TimetableOptions.SectionName));
        services.AddSingleton<BankHolidayCalendar>();
        services.AddScoped<TimetableService>();
        return services;
    }
}
