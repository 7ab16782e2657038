using Iro.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class AddedBankHolidayConfiguration : IEntityTypeConfiguration<AddedBankHoliday>
{
    public void Configure(EntityTypeBuilder<AddedBankHoliday> holiday)
    {
        holiday.Property(h => h.Name).HasMaxLength(AddedBankHoliday.NameMaxLength);
        holiday.Property(h => h.AddedBy).HasMaxLength(450);
        holiday.HasIndex(h => h.Date);
    }
}
