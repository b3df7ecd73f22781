//===--- LspProxy.cpp - Between the editor and clangd, in one process -----===//

#include "LspProxy.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace corolint {

namespace {

/// Reads LSP messages (headers, a blank line, Content-Length bytes) from a
/// descriptor; each comes back whole, headers included, as it was sent.
class MessageReader {
public:
  explicit MessageReader(int Fd) : Fd(Fd) {}
  /// The next message and where its body starts; false at the end.
  bool next(std::string &Message, size_t &BodyAt) {
    // As clangd reads them: header lines end in "\r\n" or "\n", and an
    // empty line ends the headers.
    size_t Length = 0, LineStart = 0;
    while (true) {
      size_t LineEnd = Buffer.find('\n', LineStart);
      if (LineEnd == std::string::npos) {
        if (!fill())
          return false;
        continue;
      }
      llvm::StringRef Line = llvm::StringRef(Buffer).slice(LineStart, LineEnd);
      LineStart = LineEnd + 1;
      if (Line.trim().empty())
        break;
      auto [Name, Value] = Line.split(':');
      if (Name.trim().equals_insensitive("content-length"))
        Value.trim().getAsInteger(10, Length);
    }
    BodyAt = LineStart;
    while (Buffer.size() < BodyAt + Length)
      if (!fill())
        return false;
    Message = Buffer.substr(0, BodyAt + Length);
    Buffer.erase(0, BodyAt + Length);
    return true;
  }

private:
  bool fill() {
    char Chunk[65536];
    ssize_t N;
    do
      N = read(Fd, Chunk, sizeof Chunk);
    while (N < 0 && errno == EINTR);
    if (N <= 0)
      return false;
    Buffer.append(Chunk, N);
    return true;
  }

  int Fd;
  std::string Buffer;
};

void writeAll(int Fd, llvm::StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = write(Fd, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return; // the reader is gone; the session is over
    Data = Data.drop_front(N);
  }
}

std::string frame(const llvm::json::Value &Message) {
  std::string Body;
  llvm::raw_string_ostream(Body) << Message;
  return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
}

int cloexec(int Fd) {
  fcntl(Fd, F_SETFD, FD_CLOEXEC);
  return Fd;
}

} // namespace

bool LspProxy::start(Hooks Given) {
  H = std::move(Given);
  int ToServer[2], FromServer[2];
  if (pipe(ToServer) != 0)
    return false;
  if (pipe(FromServer) != 0) {
    close(ToServer[0]);
    close(ToServer[1]);
    return false;
  }
  fflush(stdout);
  EditorIn = cloexec(dup(STDIN_FILENO));
  EditorOut = cloexec(dup(STDOUT_FILENO));
  dup2(ToServer[0], STDIN_FILENO);
  dup2(FromServer[1], STDOUT_FILENO);
  close(ToServer[0]);
  close(FromServer[1]);
  ServerIn = cloexec(ToServer[1]);
  ServerOut = cloexec(FromServer[0]);
  In = std::thread([this] { editorToServer(); });
  Out = std::thread([this] { serverToEditor(); });
  return true;
}

void LspProxy::editorToServer() {
  MessageReader Reader(EditorIn);
  std::string Message;
  size_t BodyAt;
  while (Reader.next(Message, BodyAt)) {
    llvm::StringRef Body = llvm::StringRef(Message).drop_front(BodyAt);
    // Only the messages the hooks read are parsed.
    bool Read = Body.contains("\"corolint-");
    for (llvm::StringRef Method : H.Watched)
      Read = Read || Body.contains(("\"" + Method + "\"").str());
    bool Keep = false;
    if (Read) {
      if (llvm::Expected<llvm::json::Value> V = llvm::json::parse(Body)) {
        if (const llvm::json::Object *O = V->getAsObject())
          Keep = H.FromEditor(*O);
      } else {
        llvm::consumeError(V.takeError()); // clangd will say what is wrong
      }
    }
    if (!Keep) {
      std::lock_guard<std::mutex> Lock(InMutex);
      writeAll(ServerIn, Message);
    }
  }
  // The editor is gone: so is clangd's input.
  std::lock_guard<std::mutex> Lock(InMutex);
  close(ServerIn);
  ServerIn = -1;
}

void LspProxy::serverToEditor() {
  MessageReader Reader(ServerOut);
  std::string Message;
  size_t BodyAt;
  while (Reader.next(Message, BodyAt)) {
    llvm::StringRef Body = llvm::StringRef(Message).drop_front(BodyAt);
    bool Diagnostics = Body.contains("\"textDocument/publishDiagnostics\"") &&
                       Body.contains("\"coro-");
    bool Answer;
    {
      std::lock_guard<std::mutex> Lock(AnswersMutex);
      Answer = !Answers.empty() &&
               (Body.contains("\"result\"") || Body.contains("\"error\""));
    }
    // Only the messages the hooks amend are parsed.
    if (Diagnostics || Answer) {
      if (llvm::Expected<llvm::json::Value> V = llvm::json::parse(Body)) {
        if (llvm::json::Object *O = V->getAsObject()) {
          if (Diagnostics)
            H.FromServer(*O);
          else
            amend(*O);
          Message = frame(*V);
        }
      } else {
        llvm::consumeError(V.takeError());
      }
    }
    std::lock_guard<std::mutex> Lock(OutMutex);
    writeAll(EditorOut, Message);
  }
}

void LspProxy::toEditor(const llvm::json::Value &Message) {
  std::lock_guard<std::mutex> Lock(OutMutex);
  writeAll(EditorOut, frame(Message));
}

void LspProxy::toServer(const llvm::json::Value &Message) {
  std::lock_guard<std::mutex> Lock(InMutex);
  if (ServerIn >= 0)
    writeAll(ServerIn, frame(Message));
}

void LspProxy::amendAnswer(llvm::json::Value Id,
                           std::function<void(llvm::json::Value &)> Amend) {
  std::lock_guard<std::mutex> Lock(AnswersMutex);
  Answers.emplace_back(std::move(Id), std::move(Amend));
}

void LspProxy::amend(llvm::json::Object &Message) {
  const llvm::json::Value *Id = Message.get("id");
  if (!Id || Message.get("method"))
    return;
  std::function<void(llvm::json::Value &)> Amend;
  {
    std::lock_guard<std::mutex> Lock(AnswersMutex);
    auto It =
        llvm::find_if(Answers, [&](const auto &A) { return A.first == *Id; });
    if (It == Answers.end())
      return;
    Amend = std::move(It->second);
    Answers.erase(It);
  }
  if (llvm::json::Value *Result = Message.get("result"))
    Amend(*Result);
}

void LspProxy::finish() {
  // clangd's end of its output closes; the rest of it goes to the editor.
  llvm::outs().flush();
  fflush(stdout);
  int Null = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (Null >= 0) {
    dup2(Null, STDOUT_FILENO);
    close(Null);
  } else {
    close(STDOUT_FILENO);
  }
  if (Out.joinable())
    Out.join();
  // The editor may keep its end open: the reading thread goes with the
  // process.
  if (In.joinable())
    In.detach();
}

} // namespace corolint
