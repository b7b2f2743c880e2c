namespace SupportConsole.Domain.Intake;

/// <summary>Why a message looks machine-sent; any of these means no acknowledgment goes back.</summary>
public enum AutomatedMailReason
{
    /// <summary><c>Auto-Submitted</c> is present and not <c>no</c> (or an <c>X-Autoreply</c>/<c>X-Autorespond</c> header says so).</summary>
    AutoSubmitted,

    /// <summary><c>Precedence: bulk</c>, <c>junk</c> or <c>list</c>.</summary>
    Bulk,

    /// <summary><c>X-Auto-Response-Suppress</c> is present: the sender asked for no automatic replies.</summary>
    AutoResponseSuppress,

    /// <summary>A bounce or delivery report: from mailer-daemon@ or postmaster@, <c>Content-Type: multipart/report</c>, or an empty <c>Return-Path</c>.</summary>
    DeliveryNotification,

    /// <summary>The <c>Message-ID</c> is one we generated: our own mail came back.</summary>
    OwnMessage,

    /// <summary><c>List-Id</c> or <c>List-Unsubscribe</c> is present: mailing-list mail, treated as bulk.</summary>
    ListMail,
}
