#pragma once
// The aidtrack command-line tool: each sub-command lives in its own cmd_<name>.cpp and
// registers itself here, so commands can be added without touching main.cpp.

#include <functional>
#include <string>
#include <vector>

namespace aidtrack::cli {

/// A sub-command: its name, a one-line summary, usage text and the function that runs it.
struct Command {
    std::string name;
    std::string summary;
    std::string usage;
    std::function<int(const std::vector<std::string>& args)> run;  ///< returns the exit code
};

/// Every registered command, sorted by name.
std::vector<Command>& commands();

/// Registers a command at static-initialisation time.
struct CommandRegistrar {
    explicit CommandRegistrar(Command c) { commands().push_back(std::move(c)); }
};

}  // namespace aidtrack::cli
