namespace SupportConsole.Data;

public enum OutboxKind
{
    Acknowledgment = 0,
    Reply = 1,
    ListChangeConfirmation = 2,
    Notification = 3,
    Welcome = 4,
    Reminder = 5,
    Invitation = 6,
    CallInvitation = 7,
    CallReminder = 8,
    BookingLink = 9,
    SenderConfirmation = 10,
}
