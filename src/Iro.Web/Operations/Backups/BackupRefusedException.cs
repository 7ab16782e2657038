namespace Iro.Web.Operations.Backups;

/// <summary>A backup or restore that was refused before anything was written; the message says why.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
