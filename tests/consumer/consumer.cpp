// A program outside the project, built against the installed package.
#include <aidtrack/aidtrack.hpp>

#include <iostream>

int main() {
    const aidtrack::FiscalCalendar australia = aidtrack::FiscalCalendar::preset("australia");
    const aidtrack::Money a = aidtrack::Money::parse("0.10", "USD");
    const aidtrack::Money b = aidtrack::Money::parse("0.20", "USD");
    const bool exact = (a + b).amount() == aidtrack::Decimal::parse("0.30");
    std::cout << "aidtrack " << aidtrack::version() << ": " << australia.label(2023)
              << ", 0.10 + 0.20 = " << (a + b).to_string() << "\n";
    return exact && australia.label(2023) == "FY2023-24" ? 0 : 1;
}
