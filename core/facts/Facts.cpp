//===--- Facts.cpp - What one translation unit tells the whole program ---===//

#include "Facts.h"
#include "FactsCodec.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using namespace clang;
namespace json = llvm::json;

namespace corolint {

namespace {
/// How deep a line's arrays and objects may nest: the format needs four.
constexpr unsigned MaxNesting = 16;

/// A graph's header line, before its nodes.
struct GraphHeader {
  StrId Options = NoStr;
  uint32_t Nodes = 0;
  std::vector<Primitive> Primitives;
};
template <typename IO> auto describe(IO &Io, GraphHeader &G) {
  return Io.object(field("graph", Io.id(G.Options)), field("nodes", G.Nodes),
                   field("primitives", G.Primitives));
}

/// A function of a graph: one line each.
struct NodeNames {
  StrId Usr = NoStr, Name = NoStr;
};
template <typename IO> auto describe(IO &Io, NodeNames &N) {
  return Io.array(Io.id(N.Usr), Io.id(N.Name));
}
struct SinkLine {
  BlockKind Kind = BlockKind::Call;
  Sink S;
};
template <typename IO> auto describe(IO &Io, SinkLine &L) {
  return Io.array(L.Kind, L.S.Primitive, L.S.At, L.S.ImplicitAt,
                  Io.id(L.S.Callee));
}
struct NodeLine {
  NodeNames Names;
  std::vector<std::string> Flags;
  std::vector<Edge> Edges;
  std::vector<SinkLine> Sinks;
};
template <typename IO> auto describe(IO &Io, NodeLine &N) {
  return Io.object(field("n", N.Names), field("f", N.Flags),
                   field("e", N.Edges), field("b", N.Sinks));
}

/// A node's flags, by the names facts files give them.
struct NodeFlag {
  llvm::StringLiteral Name;
  bool Node::*Member;
};
constexpr NodeFlag NodeFlags[] = {{"defined", &Node::Defined},
                                  {"coroutine", &Node::Coroutine},
                                  {"nonblocking", &Node::NonBlocking},
                                  {"dispatch", &Node::Dispatch}};

} // namespace

std::string factsFilePath(llvm::StringRef Dir, llvm::StringRef SourceFile) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, llvm::utohexstr(llvm::xxh3_64bits(SourceFile)) +
                                    ".json");
  return Path.str().str();
}

llvm::Expected<std::vector<std::string>> factsFilesIn(llvm::StringRef Dir) {
  std::error_code EC;
  std::vector<std::string> Files;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".json")
      Files.push_back(It->path());
  if (EC)
    return llvm::createStringError(EC, "cannot list '%s': %s",
                                   Dir.str().c_str(), EC.message().c_str());
  llvm::sort(Files);
  return Files;
}

json::Value textJSON(llvm::StringRef Text) {
  if (json::isUTF8(Text))
    return Text;
  return json::Object{{"hex", llvm::toHex(Text)}};
}

void writeText(json::OStream &J, llvm::StringRef Text) {
  if (json::isUTF8(Text))
    return J.value(Text);
  J.object([&] { J.attribute("hex", llvm::toHex(Text)); });
}

std::optional<std::string> textFromJSON(const json::Value &V) {
  if (std::optional<llvm::StringRef> S = V.getAsString())
    return S->str();
  const json::Object *O = V.getAsObject();
  std::optional<llvm::StringRef> Hex = O ? O->getString("hex") : std::nullopt;
  std::string Bytes;
  if (!Hex || O->size() != 1 || !llvm::tryGetFromHex(*Hex, Bytes))
    return std::nullopt;
  return Bytes;
}

//===----------------------------------------------------------------------===//
// The parts
//===----------------------------------------------------------------------===//

std::optional<std::string> invalid(const Place &P) {
  if (P.File == NoStr)
    return "a place without a file";
  return std::nullopt;
}

std::optional<std::string> invalid(const Edit &E) {
  if (!E.At.valid())
    return "expected an edit [place, length, text]";
  if (uint64_t(E.At.Offset) + E.Length > UINT32_MAX)
    return "an edit ends beyond 2^32-1";
  return std::nullopt;
}

std::optional<std::string> invalid(const Finding &F) {
  if (!F.At.valid())
    return "a finding without a place";
  if (F.End.Kind != checkInfo(F.Check).Kind)
    return "a finding of another kind than its check's";
  return std::nullopt;
}

std::optional<std::string> invalid(const Candidate &C) {
  if (C.CalleeUsr == NoStr || !C.Pending.Hops.empty())
    return "expected a candidate";
  return std::nullopt;
}

void Encoder::value(Id I) const {
  if (I.Value == NoStr)
    return J.value(nullptr);
  J.value(W.string(S, I.Value));
}
void Encoder::value(const std::string &Text) const { writeText(J, Text); }
void Encoder::value(Hash H) const { J.value(llvm::utohexstr(H.Value)); }
void Encoder::value(CheckId C) const { J.value(checkInfo(C).Name); }
void Encoder::value(BlockKind K) const { J.value(kindName(K)); }
void Encoder::value(Wait W) const { J.value(waitName(W)); }
void Encoder::value(Framework F) const { J.value(frameworkName(F)); }
void Encoder::value(NoRewrite R) const { J.value(noRewriteName(R)); }
void Encoder::value(const Place &P) const {
  if (!P.valid())
    return J.value(nullptr);
  part(P);
}

void Decoder::space() {
  while (Pos < Text.size() && (Text[Pos] == ' ' || Text[Pos] == '\t' ||
                               Text[Pos] == '\r' || Text[Pos] == '\n'))
    ++Pos;
}

bool Decoder::take(char C) {
  space();
  if (Pos >= Text.size() || Text[Pos] != C)
    return false;
  ++Pos;
  return true;
}

bool Decoder::open(char C) {
  if (!take(C))
    return false;
  if (++Depth > MaxNesting)
    return fail("nested too deeply");
  return true;
}

bool Decoder::close(char C) {
  if (!take(C))
    return false;
  --Depth;
  return true;
}

bool Decoder::atEnd() {
  space();
  return Pos == Text.size();
}

bool Decoder::null() {
  space();
  if (!Text.substr(Pos).starts_with("null"))
    return false;
  Pos += 4;
  return true;
}

bool Decoder::string(llvm::StringRef &Out) {
  if (!take('"'))
    return false;
  size_t Start = Pos;
  while (Pos < Text.size() && Text[Pos] != '"' && Text[Pos] != '\\' &&
         static_cast<unsigned char>(Text[Pos]) >= 0x20)
    ++Pos;
  if (Pos < Text.size() && Text[Pos] == '"') {
    Out = Text.slice(Start, Pos++);
    return true;
  }
  // Escapes: decoded into Scratch.
  Scratch.assign(Text.data() + Start, Pos - Start);
  while (Pos < Text.size()) {
    char C = Text[Pos++];
    if (C == '"') {
      Out = Scratch;
      return true;
    }
    if (static_cast<unsigned char>(C) < 0x20)
      return false;
    if (C != '\\') {
      Scratch.push_back(C);
      continue;
    }
    if (Pos >= Text.size())
      return false;
    char E = Text[Pos++];
    switch (E) {
    case '"':
    case '\\':
    case '/':
      Scratch.push_back(E);
      continue;
    case 'b':
      Scratch.push_back('\b');
      continue;
    case 'f':
      Scratch.push_back('\f');
      continue;
    case 'n':
      Scratch.push_back('\n');
      continue;
    case 'r':
      Scratch.push_back('\r');
      continue;
    case 't':
      Scratch.push_back('\t');
      continue;
    case 'u':
      break;
    default:
      return false;
    }
    auto Unit = [&](uint32_t &U) {
      if (Pos + 4 > Text.size() || Text.substr(Pos, 4).getAsInteger(16, U) ||
          !llvm::all_of(Text.substr(Pos, 4), llvm::isHexDigit))
        return false;
      Pos += 4;
      return true;
    };
    uint32_t U;
    if (!Unit(U))
      return false;
    if (U >= 0xD800 && U < 0xDC00) { // a surrogate pair
      if (!Text.substr(Pos).starts_with("\\u"))
        return false;
      Pos += 2;
      uint32_t Low;
      if (!Unit(Low) || Low < 0xDC00 || Low >= 0xE000)
        return false;
      U = 0x10000 + ((U - 0xD800) << 10) + (Low - 0xDC00);
    } else if (U >= 0xDC00 && U < 0xE000) {
      return false;
    }
    char Bytes[4];
    char *End = Bytes;
    if (!llvm::ConvertCodePointToUTF8(U, End))
      return false;
    Scratch.append(Bytes, End);
  }
  return false;
}

bool Decoder::key(std::string &Out) {
  llvm::StringRef K;
  if (!string(K) || !take(':'))
    return fail("expected an object");
  Out = K.str();
  return true;
}

bool Decoder::skip() {
  llvm::StringRef Ignored;
  if (string(Ignored) || null())
    return true;
  space();
  if (Text.substr(Pos).starts_with("true") ||
      Text.substr(Pos).starts_with("false")) {
    Pos += Text[Pos] == 't' ? 4 : 5;
    return true;
  }
  if (open('[')) {
    if (close(']'))
      return true;
    do
      if (!skip())
        return false;
    while (take(','));
    return close(']') || fail("expected a value");
  }
  if (open('{')) {
    if (close('}'))
      return true;
    std::string Key;
    do
      if (!key(Key) || !skip())
        return false;
    while (take(','));
    return close('}') || fail("expected a value");
  }
  if (!Why.empty())
    return false;
  size_t Start = Pos;
  while (Pos < Text.size() &&
         llvm::StringRef("+-.0123456789eE").contains(Text[Pos]))
    ++Pos;
  double Ignore;
  return (Pos > Start && !Text.slice(Start, Pos).getAsDouble(Ignore)) ||
         fail("expected a value");
}

llvm::StringRef Decoder::firstKey() {
  size_t Start = Pos;
  unsigned Outer = Depth;
  llvm::StringRef K;
  bool Found = take('{') && string(K);
  Pos = Start;
  Depth = Outer;
  return Found ? K : llvm::StringRef();
}

bool Decoder::read(Id Out) {
  Out.Value = NoStr;
  if (null())
    return true;
  uint32_t N;
  if (!read(N))
    return false;
  if (N >= Ids.size())
    return fail("refers to string " + llvm::Twine(N) + " of " +
                llvm::Twine(Ids.size()));
  StringLine &Str = Ids[N];
  if (Str.Id == NoStr) {
    Decoder Again(S);
    Again.start(Str.Line);
    std::string Text;
    if (!Again.object(corolint::field("s", Text))) // read once: cannot fail
      return fail("refers to string " + llvm::Twine(N) + ": " + Again.Why);
    Str.Id = S.intern(Text);
  }
  Out.Value = Str.Id;
  return true;
}

bool Decoder::read(uint32_t &Out) {
  space();
  size_t Start = Pos;
  while (Pos < Text.size() && llvm::isDigit(Text[Pos]))
    ++Pos;
  uint64_t N;
  if (Pos == Start || Pos - Start > 10 ||
      Text.slice(Start, Pos).getAsInteger(10, N) || N > UINT32_MAX)
    return fail("expected a number from 0 to 2^32-1");
  Out = static_cast<uint32_t>(N);
  return true;
}

bool Decoder::read(bool &Out) {
  space();
  for (bool B : {true, false})
    if (llvm::StringRef Word = B ? "true" : "false";
        Text.substr(Pos).starts_with(Word)) {
      Pos += Word.size();
      Out = B;
      return true;
    }
  return fail("expected true or false");
}

bool Decoder::read(std::string &Out) {
  llvm::StringRef T;
  if (string(T)) {
    Out = T.str();
    return true;
  }
  // Text that is not UTF-8: {"hex": ...}.
  std::string Hex;
  if (!open('{') || !key(Hex) || Hex != "hex" || !string(T) ||
      !llvm::tryGetFromHex(T, Out) || !close('}'))
    return fail("expected a string");
  return true;
}

bool Decoder::read(Hash H) {
  std::string Text;
  if (!read(Text) || llvm::StringRef(Text).getAsInteger(16, H.Value))
    return fail("expected a hash");
  return true;
}

bool Decoder::read(CheckId &Out) {
  llvm::StringRef Name;
  const CheckInfo *Check = string(Name) ? checkNamed(Name) : nullptr;
  if (!Check)
    return fail("expected the name of a check");
  Out = Check->Id;
  return true;
}
bool Decoder::read(BlockKind &Out) {
  return named<BlockKind>(Out, kindNamed, "a kind of blocking call");
}
bool Decoder::read(Wait &Out) {
  return named<Wait>(Out, waitNamed, "a kind of wait");
}
bool Decoder::read(Framework &Out) {
  return named<Framework>(Out, frameworkNamed, "a framework");
}
bool Decoder::read(NoRewrite &Out) {
  return named<NoRewrite>(Out, noRewriteNamed, "a reason");
}

bool Decoder::read(Place &Out) {
  Out = Place();
  if (null())
    return true;
  return part(Out);
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

FactsWriter::FactsWriter(llvm::raw_ostream &OS, llvm::StringRef SourceFile)
    : OS(OS) {
  line(json::Object{{"corolint-facts", FactsFormatVersion},
                    {"file", textJSON(SourceFile)}});
}

void FactsWriter::line(const json::Value &V) { OS << V << '\n'; }

void FactsWriter::line(llvm::function_ref<void(json::OStream &)> Write) {
  // Buffered: the strings it names first go out on lines of their own,
  // before it.
  Line.clear();
  {
    llvm::raw_string_ostream Buffer(Line);
    json::OStream J(Buffer);
    Write(J);
  }
  OS << Line << '\n';
}

void FactsWriter::part(llvm::StringRef Key, const StringPool &S,
                       llvm::function_ref<void(const Encoder &)> Write) {
  line([&](json::OStream &J) {
    J.object([&] {
      J.attributeBegin(Key);
      Write(Encoder(S, *this, J));
      J.attributeEnd();
    });
  });
}

uint32_t FactsWriter::string(const StringPool &Pool, StrId Id) {
  std::vector<uint32_t> &Numbers = Written[Pool.identity()];
  if (Numbers.size() <= Id)
    Numbers.resize(Pool.size(), NotWritten);
  uint32_t &Number = Numbers[Id];
  if (Number == NotWritten) {
    Number = Count++;
    json::OStream J(OS);
    J.object([&] {
      J.attributeBegin("s");
      writeText(J, Pool[Id]);
      J.attributeEnd();
    });
    OS << '\n';
  }
  return Number;
}

void FactsWriter::inputs(llvm::ArrayRef<Input> Files) {
  StringPool None;
  std::vector<Input> All(Files.begin(), Files.end());
  part("inputs", None, [&](const Encoder &E) { E.value(All); });
}

void FactsWriter::graph(const Graph &G, llvm::StringRef Options) {
  GraphHeader Header{
      G.strings().intern(Options), static_cast<uint32_t>(G.size()),
      std::vector<Primitive>(G.primitives().begin(), G.primitives().end())};
  auto Write = [&](const auto &Part) {
    line([&](json::OStream &J) { Encoder(G.strings(), *this, J).value(Part); });
  };
  Write(Header);
  for (NodeId N = 0; N < G.size(); ++N) {
    const Node &Fn = G[N];
    NodeLine L{{Fn.Usr, Fn.Name}, {}, G.edges(N).vec(), {}};
    for (const NodeFlag &F : NodeFlags)
      if (Fn.*F.Member)
        L.Flags.push_back(F.Name.str());
    for (unsigned K = 0; K < NumBlockKinds; ++K)
      if (const Sink &S = G.sink(N, static_cast<BlockKind>(K)); !S.empty())
        L.Sinks.push_back({static_cast<BlockKind>(K), S});
    Write(L);
  }
}

void FactsWriter::finding(const Finding &F, const StringPool &S) {
  part("finding", S, [&](const Encoder &E) { E.value(F); });
}

void FactsWriter::candidate(const Candidate &C, const StringPool &S) {
  part("candidate", S, [&](const Encoder &E) { E.value(C); });
}

void FactsWriter::error(llvm::StringRef Text) {
  line(json::Object{{"error", textJSON(Text)}});
}

void FactsWriter::configError(llvm::StringRef Text) {
  line(json::Object{{"config_error", textJSON(Text)}});
}

void FactsWriter::end(bool Parsed) {
  line(json::Object{{"end", json::Object{{"parsed", Parsed}}}});
  OS.flush();
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

namespace {

/// The first line of a facts file.
struct FileHeader {
  uint32_t Version = 0;
  std::string File;
};
template <typename IO> auto describe(IO &Io, FileHeader &H) {
  return Io.object(field("corolint-facts", H.Version), field("file", H.File));
}
struct EndLine {
  bool Parsed = false;
};
template <typename IO> auto describe(IO &Io, EndLine &E) {
  return Io.object(field("parsed", E.Parsed));
}

/// Reads one facts file a line at a time: the header, then records, each
/// an object whose one key names it (or, after a graph's header, its
/// nodes), to the end.
class Reader {
public:
  Reader(FileFacts &F, StringPool &S, FactsPart Part)
      : F(F), S(S), D(S), Part(Part) {}

  /// The first thing wrong with Line, or nothing.
  std::optional<std::string> line(llvm::StringRef Line) {
    if (Ended)
      return std::string("text after the end");
    D.start(Line);
    llvm::StringRef Key = D.firstKey();
    if (Key.empty())
      return std::string("expected an object");
    if (NodesLeft && Key != "s" && Part == FactsPart::AllButGraphs) {
      --NodesLeft; // a function of a graph not read
      return std::nullopt;
    }
    if (!json::isUTF8(Line))
      return std::string("invalid UTF-8");
    bool Ok = !Header      ? header()
              : Key == "s" ? string(Line)
              : NodesLeft  ? node()
                           : record(Key);
    if (Ok && !D.atEnd())
      D.fail("text after the object");
    if (!D.Why.empty())
      return D.Why;
    return std::nullopt;
  }

  /// What is missing at the end of the file, or nothing.
  std::optional<std::string> end() const {
    if (!Header)
      return std::string("empty");
    if (NodesLeft)
      return std::string("a graph is cut short");
    if (!Ended)
      return std::string("cut short");
    return std::nullopt;
  }

private:
  /// A record: {Key: Part}.
  template <typename T> bool one(const char *Key, T &Part) {
    return D.object(field(Key, Part));
  }

  bool header() {
    FileHeader H;
    if (!D.read(H))
      return false;
    if (H.Version != FactsFormatVersion)
      return D.fail("written by another version of corolint (format " +
                    llvm::Twine(H.Version) + ", this one reads " +
                    llvm::Twine(FactsFormatVersion) + ")");
    F.File = std::move(H.File);
    Header = true;
    return true;
  }

  /// A string, written before its first use; its number is its place.
  bool string(llvm::StringRef Line) {
    std::string T;
    if (!one("s", T))
      return false;
    D.addString(Line);
    return true;
  }

  bool record(llvm::StringRef Key) {
    if (Key == "graph")
      return graph();
    if (Key == "inputs")
      return one("inputs", F.Inputs);
    if (Key == "finding")
      return one("finding", F.Findings.emplace_back());
    if (Key == "candidate")
      return one("candidate", F.Candidates.emplace_back());
    if (Key == "error")
      return one("error", F.Errors.emplace_back());
    if (Key == "config_error")
      return one("config_error", F.ConfigErrors.emplace_back());
    if (Key == "end") {
      EndLine E;
      if (!one("end", E))
        return false;
      F.Parsed = E.Parsed;
      Ended = true;
      return true;
    }
    return D.fail("unknown record");
  }

  bool graph() {
    GraphHeader H;
    if (!D.read(H) || H.Options == NoStr)
      return D.fail("expected a graph");
    NodesLeft = NodesTotal = H.Nodes;
    if (Part == FactsPart::AllButGraphs)
      return true;
    Open = &F.Graphs.emplace_back(H.Options, Graph(S)).second;
    for (const Primitive &P : H.Primitives)
      Open->addPrimitive(P);
    return true;
  }

  /// A node line of the open graph.
  bool node() {
    NodeLine L;
    if (!D.read(L))
      return false;
    Graph &G = *Open;
    if (L.Names.Usr != NoStr && G.find(L.Names.Usr))
      return D.fail("a function appears twice in one graph");
    NodeId Id = G.node(L.Names.Usr);
    Node &N = G[Id];
    N.Name = L.Names.Name;
    for (const std::string &Flag : L.Flags) {
      const NodeFlag *Known = llvm::find_if(
          NodeFlags, [&](const NodeFlag &K) { return K.Name == Flag; });
      if (Known == std::end(NodeFlags))
        return D.fail("expected a flag");
      N.*Known->Member = true;
    }
    for (const Edge &E : L.Edges)
      if (E.To >= NodesTotal)
        return D.fail("a call to a function the graph does not have");
    G.setEdges(Id, L.Edges);
    for (const SinkLine &S : L.Sinks) {
      if (!G.sink(Id, S.Kind).empty())
        return D.fail("two blocking calls of one kind");
      if (S.S.Primitive >= G.primitives().size() ||
          G.primitive(S.S.Primitive).Kind != S.Kind)
        return D.fail("a blocking call the graph does not have");
      G.sinkToSet(Id, S.Kind) = S.S;
    }
    --NodesLeft;
    return true;
  }

  FileFacts &F;
  StringPool &S;
  Decoder D;
  const FactsPart Part;
  bool Header = false, Ended = false;
  Graph *Open = nullptr; // the graph whose nodes are being read
  uint32_t NodesLeft = 0, NodesTotal = 0;
};

} // namespace

llvm::Expected<FileFacts> readFacts(llvm::StringRef Text, llvm::StringRef Name,
                                    StringPool &S, FactsPart Part) {
  FileFacts F;
  Reader R(F, S, Part);
  unsigned LineNo = 0;
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s is not a corolint facts file: %s (line %u)", Name.str().c_str(),
        Why.str().c_str(), LineNo);
  };
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    ++LineNo;
    if (Line.empty())
      continue;
    if (std::optional<std::string> Wrong = R.line(Line))
      return Fail(*Wrong);
  }
  if (std::optional<std::string> Missing = R.end())
    return Fail(*Missing);
  llvm::sort(F.Inputs);
  F.Inputs.erase(std::unique(F.Inputs.begin(), F.Inputs.end()), F.Inputs.end());
  if (!F.Parsed) {
    // What a broken AST says is not reported.
    F.Graphs.clear();
    F.Findings.clear();
    F.Candidates.clear();
  }
  return F;
}

void hideOutside(FileFacts &F, const StringPool &S,
                 llvm::function_ref<bool(llvm::StringRef Path)> Shows) {
  auto Hidden = [&](const Finding &Fd) { return !Shows(S[Fd.At.File]); };
  for (const Finding &Fd : F.Findings)
    if (Hidden(Fd))
      F.Hidden.push_back({Fd.Check, Fd.At});
  llvm::erase_if(F.Findings, Hidden);
  for (Candidate &C : F.Candidates)
    C.Hidden = Hidden(C.Pending);
}

} // namespace corolint
