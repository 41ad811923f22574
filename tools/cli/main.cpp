// Entry point of the `aidtrack` command: dispatches to the registered sub-commands and turns
// every aidtrack::Error into a one-line message and exit code 2.
#include "command.hpp"

#include <aidtrack/core/error.hpp>
#include <aidtrack/version.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>

#if defined(__linux__) && defined(__GLIBC__)
#include <unistd.h>
#endif

namespace aidtrack::cli {
std::vector<Command>& commands() {
    static std::vector<Command> all;
    return all;
}
}  // namespace aidtrack::cli

namespace {

void print_help() {
    auto& all = aidtrack::cli::commands();
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::cout << "aidtrack " << aidtrack::version() << " - aid alignment, harmonization and results tracking\n\n"
              << "usage: aidtrack COMMAND [ARGS...]\n\ncommands:\n";
    for (const auto& c : all)
        std::cout << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ') << c.summary
                  << "\n";
    std::cout << "\n'aidtrack COMMAND --help' shows a command's options.\n";
}

// An import allocates its portfolio as millions of small records on a fresh heap: with 4 KiB
// pages, the page faults cost about a third of its time. glibc backs the heap with transparent
// huge pages only when told so at start-up (the glibc.malloc.hugetlb tunable), so `import`
// starts itself again once with it set, unless GLIBC_TUNABLES is already set by the caller.
void reexec_with_huge_pages(int argc, char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
    if (argc < 2 || std::strcmp(argv[1], "import") != 0 || std::getenv("GLIBC_TUNABLES") != nullptr) return;
    if (setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1) != 0) return;
    execv("/proc/self/exe", argv);
    unsetenv("GLIBC_TUNABLES");  // exec failed: carry on as we are
#else
    (void)argc;
    (void)argv;
#endif
}

}  // namespace

int main(int argc, char** argv) {
    reexec_with_huge_pages(argc, argv);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
        print_help();
        return args.empty() ? 1 : 0;
    }
    if (args[0] == "--version" || args[0] == "version") {
        std::cout << "aidtrack " << aidtrack::version() << "\n";
        return 0;
    }
    const auto& all = aidtrack::cli::commands();
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.name == args[0]; });
    if (it == all.end()) {
        std::cerr << "aidtrack: unknown command '" << args[0] << "' (see 'aidtrack --help')\n";
        return 2;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
        std::cout << "usage: " << it->usage << "\n";
        return 0;
    }
    try {
        return it->run(rest);
    } catch (const aidtrack::Error& e) {
        std::cerr << "aidtrack " << it->name << ": " << e.kind() << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "aidtrack " << it->name << ": " << e.what() << "\n";
        return 2;
    }
}
