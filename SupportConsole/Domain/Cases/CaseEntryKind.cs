namespace SupportConsole.Domain.Cases;

public enum CaseEntryKind
{
    CustomerMessage = 0,
    Reply = 1,
    InternalNote = 2,
    PhoneCall = 3,
    SystemEvent = 4,
}
