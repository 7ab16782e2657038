using System.Security.Cryptography.X509Certificates;
using Iro.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Iro.Web.Security;

/// <summary>
/// The keys that protect sign-in cookies, antiforgery tokens and sessions live in the database, under one fixed
/// application name, so every instance of the app reads the same key ring and a restart signs nobody out. With a
/// certificate configured (<c>DataProtection:CertificatePath</c> and <c>CertificatePassword</c>, or
/// <c>DataProtection:CertificateThumbprint</c> from the machine's or user's certificate store) the keys are
/// encrypted at rest, so a copy of the database alone cannot forge a cookie.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "IRO Service Manager";

    public static IServiceCollection AddIroDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<IroDbContext>();
        if (CertificateFrom(configuration) is { } certificate)
        {
            // Decryption looks the certificate up in the store unless told about it, which fails for a certificate from a file.
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }

    /// <summary>The configured certificate, or null when none is configured; a configured one that cannot be found stops start-up.</summary>
    public static X509Certificate2? CertificateFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("DataProtection");
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            if (!File.Exists(path)) throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' does not exist.");
            return X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet);
        }

        if (section["CertificateThumbprint"] is { Length: > 0 } thumbprint)
        {
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                if (found.Count > 0) return found[0];
            }

            throw new InvalidOperationException($"DataProtection:CertificateThumbprint '{thumbprint}' was not found in the CurrentUser or LocalMachine 'My' store.");
        }

        return null;
    }
}
