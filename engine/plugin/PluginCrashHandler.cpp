#include "PluginCrashHandler.h"

#include <dlfcn.h>
#include <elf.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <ucontext.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>

namespace archscape {

namespace {

// Everything below is prepared before a crash; the handler only reads it,
// looks addresses up and writes. No allocation, no stdio, no locks of ours.

constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
constexpr size_t kMaxWatched = 512;
constexpr int kMaxFrames = 64;

struct PreparedText
{
    std::string program;
    std::string reportFile;
    std::string advice;
};
const PreparedText* prepared = nullptr; // set once, never freed

// Plugin files as given to dlopen (dladdr reports them so), append-only:
// an entry is complete before the count that covers it is published.
const char* watched[kMaxWatched];
std::atomic<size_t> watchedCount{0};
std::mutex watchMutex;

std::atomic_flag handling = ATOMIC_FLAG_INIT;
// On its own stack: a stack overflow is a segfault too.
alignas(16) char alternateStack[64 * 1024];
char message[8192];

class MessageWriter
{
public:
    void add(const char* text)
    {
        while (text && *text && size_ + 1 < sizeof message)
            message[size_++] = *text++;
    }
    void addNumber(uintptr_t value, unsigned base)
    {
        char digits[32];
        int n = 0;
        do {
            digits[n++] = "0123456789abcdef"[value % base];
            value /= base;
        } while (value && n < 32);
        if (base == 16)
            add("0x");
        while (n > 0 && size_ + 1 < sizeof message)
            message[size_++] = digits[--n];
    }
    const char* text() const { return message; }
    size_t size() const { return size_; }

private:
    size_t size_ = 0;
};

void writeAll(int fd, const char* text, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, text, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        text += n;
        size -= static_cast<size_t>(n);
    }
}

const char* signalName(int signal)
{
    switch (signal) {
    case SIGSEGV:
        return "Segmentation fault";
    case SIGBUS:
        return "Bus error";
    case SIGILL:
        return "Illegal instruction";
    case SIGFPE:
        return "Floating point exception";
    case SIGABRT:
        return "Aborted";
    default:
        return "fatal signal";
    }
}

const void* instructionAddress(void* context)
{
    const auto* uc = static_cast<const ucontext_t*>(context);
    if (!uc)
        return nullptr;
#if defined(__x86_64__)
    return reinterpret_cast<const void*>(uc->uc_mcontext.gregs[REG_RIP]);
#elif defined(__aarch64__)
    return reinterpret_cast<const void*>(uc->uc_mcontext.pc);
#else
    return nullptr;
#endif
}

bool readAt(int fd, void* into, size_t size, uint64_t offset)
{
    return ::pread(fd, into, size, static_cast<off_t>(offset)) == static_cast<ssize_t>(size);
}

// The file's symbol table (.symtab) and its string table, when it has one.
bool symbolTable(int fd, Elf64_Shdr& symbols, Elf64_Shdr& names)
{
    Elf64_Ehdr header;
    if (!readAt(fd, &header, sizeof header, 0) ||
        std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 ||
        header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_shentsize != sizeof(Elf64_Shdr))
        return false;
    for (unsigned i = 0; i < header.e_shnum; ++i)
        if (readAt(fd, &symbols, sizeof symbols, header.e_shoff + i * sizeof symbols) &&
            symbols.sh_type == SHT_SYMTAB)
            return readAt(fd, &names, sizeof names,
                          header.e_shoff + symbols.sh_link * sizeof names);
    return false;
}

// The function around `address` (relative to where the file is loaded) in
// the file's own symbol table: dladdr sees only exported functions, and a
// plugin exports none but its entry points. Read with pread into fixed
// buffers; the name stays mangled (demangling allocates).
bool symbolInFile(const char* file, uintptr_t address, char* name, size_t capacity)
{
    const int fd = ::open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    Elf64_Shdr symbols{}, names{};
    Elf64_Sym best{};
    const uint64_t count = symbolTable(fd, symbols, names) ? symbols.sh_size / sizeof best : 0;
    Elf64_Sym chunk[128];
    for (uint64_t first = 0; first < count; first += 128) {
        const uint64_t n = count - first < 128 ? count - first : 128;
        if (!readAt(fd, chunk, n * sizeof best, symbols.sh_offset + first * sizeof best))
            break;
        for (uint64_t i = 0; i < n; ++i)
            if (ELF64_ST_TYPE(chunk[i].st_info) == STT_FUNC && chunk[i].st_value <= address &&
                address < chunk[i].st_value + chunk[i].st_size)
                best = chunk[i];
    }
    ssize_t length = 0;
    if (best.st_name && capacity > 1)
        length =
            ::pread(fd, name, capacity - 1, static_cast<off_t>(names.sh_offset + best.st_name));
    ::close(fd);
    if (length <= 0)
        return false;
    name[length] = '\0';
    return name[0] != '\0';
}

char symbolName[512];

// Where an address lies: the loaded file, the offset in it, the exported
// function around it (dladdr's; a plugin's hidden functions have none), and
// the plugin file, when it is one.
struct CodeLocation
{
    const char* object = nullptr;
    const char* symbol = nullptr;
    uintptr_t offset = 0;
    const char* plugin = nullptr;
};

CodeLocation locate(const void* address)
{
    CodeLocation location;
    Dl_info info{};
    if (!address || !::dladdr(address, &info))
        return location;
    location.object = info.dli_fname;
    location.symbol = info.dli_sname;
    location.offset =
        reinterpret_cast<uintptr_t>(address) - reinterpret_cast<uintptr_t>(info.dli_fbase);
    const size_t count = watchedCount.load(std::memory_order_acquire);
    for (size_t i = 0; info.dli_fname && i < count; ++i)
        if (std::strcmp(watched[i], info.dli_fname) == 0)
            location.plugin = watched[i];
    return location;
}

// The function's name, looked for in the file when dladdr has none.
CodeLocation named(CodeLocation location)
{
    if (!location.symbol && location.object &&
        symbolInFile(location.object, location.offset, symbolName, sizeof symbolName))
        location.symbol = symbolName;
    return location;
}

// The faulting instruction, else the innermost caller in a plugin (an
// abort() from a plugin faults in the C library).
CodeLocation culprit(void* context)
{
    const CodeLocation atFault = locate(instructionAddress(context));
    if (atFault.plugin || watchedCount.load(std::memory_order_acquire) == 0)
        return atFault;
    void* frames[kMaxFrames];
    const int depth = ::backtrace(frames, kMaxFrames);
    for (int i = 0; i < depth; ++i) {
        // A return address: the call is the instruction before it.
        const CodeLocation caller = locate(static_cast<const char*>(frames[i]) - 1);
        if (caller.plugin)
            return caller;
    }
    return atFault;
}

void describe(MessageWriter& out, int signal, const CodeLocation& where)
{
    if (where.plugin) {
        out.add("the plugin ");
        out.add(where.plugin);
        out.add(" crashed (");
    } else {
        out.add(prepared->program.c_str());
        out.add(" crashed (");
    }
    out.add(signalName(signal));
    out.add(")");
    if (where.symbol) {
        out.add(" in ");
        out.add(where.symbol);
    } else if (where.object) {
        out.add(" at offset ");
        out.addNumber(where.offset, 16);
    }
    if (where.object && !where.plugin) {
        out.add(" of ");
        out.add(where.object);
    }
    out.add(where.plugin ? prepared->advice.c_str() : ".");
    out.add("\n");
}

void onFatalSignal(int signal, siginfo_t*, void* context)
{
    if (handling.test_and_set()) {
        // Another thread is reporting; the process ends when it is done.
        for (;;)
            ::pause();
    }
    const int savedErrno = errno;
    const CodeLocation where = named(culprit(context));
    MessageWriter out;
    describe(out, signal, where);
    if (where.plugin) {
        writeAll(STDERR_FILENO, prepared->program.c_str(), prepared->program.size());
        writeAll(STDERR_FILENO, ": ", 2);
    }
    writeAll(STDERR_FILENO, out.text(), out.size());
    if (!prepared->reportFile.empty()) {
        const int fd =
            ::open(prepared->reportFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd >= 0) {
            writeAll(fd, out.text(), out.size());
            ::close(fd);
        }
    }
    // The signal's own ending, so the exit status still shows it: pending
    // until this handler returns (it is blocked meanwhile).
    struct sigaction defaultAction;
    std::memset(&defaultAction, 0, sizeof defaultAction);
    defaultAction.sa_handler = SIG_DFL;
    sigemptyset(&defaultAction.sa_mask);
    ::sigaction(signal, &defaultAction, nullptr);
    ::raise(signal);
    errno = savedErrno;
}

} // namespace

void PluginCrashHandler::install(const std::string& program, const std::string& reportFile)
{
    static std::once_flag once;
    std::call_once(once, [&] {
        auto* text = new PreparedText; // lives as long as the process
        text->program = program;
        text->reportFile = reportFile;
        text->advice =
            ". Finished trials are safe in the study; " +
            std::string(program == "archscape-cli" ? "run `archscape-cli resume STUDY.db`"
                                                   : "resume it (Resume in the Run dock, or "
                                                     "`archscape-cli resume STUDY.db`)") +
            " once the plugin is fixed or removed.";
        prepared = text;
        // backtrace() loads its unwinder on first use: not in the handler.
        void* frame[1];
        ::backtrace(frame, 1);

        stack_t stack{};
        stack.ss_sp = alternateStack;
        stack.ss_size = sizeof alternateStack;
        ::sigaltstack(&stack, nullptr);
        struct sigaction action;
        std::memset(&action, 0, sizeof action);
        action.sa_sigaction = onFatalSignal;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        for (int signal : kFatalSignals)
            ::sigaction(signal, &action, nullptr);
    });
}

void PluginCrashHandler::watch(const std::string& pluginFile)
{
    std::lock_guard<std::mutex> lock(watchMutex);
    const size_t count = watchedCount.load(std::memory_order_relaxed);
    for (size_t i = 0; i < count; ++i)
        if (pluginFile == watched[i])
            return;
    if (count == kMaxWatched)
        return;
    watched[count] = ::strdup(pluginFile.c_str()); // kept for the process's life
    watchedCount.store(count + 1, std::memory_order_release);
}

} // namespace archscape
