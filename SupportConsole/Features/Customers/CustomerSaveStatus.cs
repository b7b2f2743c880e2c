using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Plans;
using SupportConsole.Features.Intake;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Customers;

public enum CustomerSaveStatus
{
    Saved = 0,
    Invalid = 1,
    Conflict = 2,
    NotFound = 3,
}
