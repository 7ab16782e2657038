namespace Iro.Domain;

/// <summary>
/// An entry that records which member of staff created it, and when. The app fills it in once, as the entry is
/// first saved, from the signed-in user: never from a form, and never in each handler.
/// </summary>
public interface ICreationStamped
{
    void StampCreation(string userId, string userName, DateTimeOffset at);
}
