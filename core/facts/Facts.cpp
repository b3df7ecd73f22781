//===--- Facts.cpp - What one translation unit tells the whole program ---===//

#include "Facts.h"
#include "FactsCodec.h"
#include "llvm/ADT/StringExtras.h"
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
  auto [It, New] = Numbers.try_emplace(I.Value, 0);
  if (New)
    It->second = W.string(S[I.Value]);
  J.value(It->second);
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

const json::Array *Decoder::arrayOf(const json::Value *V, size_t Size) {
  const json::Array *A = V ? V->getAsArray() : nullptr;
  if (!A || (Size && A->size() != Size)) {
    fail(Size ? "expected an array of " + llvm::Twine(Size)
              : llvm::Twine("expected an array"));
    return nullptr;
  }
  return A;
}

bool Decoder::read(const json::Value *V, Id Out) {
  Out.Value = NoStr;
  if (V && V->kind() == json::Value::Null)
    return true;
  uint32_t N;
  if (!read(V, N))
    return false;
  if (N >= Ids.size())
    return fail("refers to string " + llvm::Twine(N) + " of " +
                llvm::Twine(Ids.size()));
  Out.Value = Ids[N];
  return true;
}

bool Decoder::read(const json::Value *V, uint32_t &Out) {
  std::optional<int64_t> N = V ? V->getAsInteger() : std::nullopt;
  if (!N || *N < 0 || *N > UINT32_MAX)
    return fail("expected a number from 0 to 2^32-1");
  Out = static_cast<uint32_t>(*N);
  return true;
}

bool Decoder::read(const json::Value *V, bool &Out) {
  std::optional<bool> B = V ? V->getAsBoolean() : std::nullopt;
  if (!B)
    return fail("expected true or false");
  Out = *B;
  return true;
}

bool Decoder::read(const json::Value *V, std::string &Out) {
  std::optional<std::string> T = V ? textFromJSON(*V) : std::nullopt;
  if (!T)
    return fail("expected a string");
  Out = std::move(*T);
  return true;
}

bool Decoder::read(const json::Value *V, Hash H) {
  std::string Text;
  if (!read(V, Text) || llvm::StringRef(Text).getAsInteger(16, H.Value))
    return fail("expected a hash");
  return true;
}

bool Decoder::read(const json::Value *V, CheckId &Out) {
  std::optional<llvm::StringRef> Name = V ? V->getAsString() : std::nullopt;
  const CheckInfo *Check = Name ? checkNamed(*Name) : nullptr;
  if (!Check)
    return fail("expected the name of a check");
  Out = Check->Id;
  return true;
}
bool Decoder::read(const json::Value *V, BlockKind &Out) {
  return named<BlockKind>(V, Out, kindNamed, "a kind of blocking call");
}
bool Decoder::read(const json::Value *V, Wait &Out) {
  return named<Wait>(V, Out, waitNamed, "a kind of wait");
}
bool Decoder::read(const json::Value *V, Framework &Out) {
  return named<Framework>(V, Out, frameworkNamed, "a framework");
}
bool Decoder::read(const json::Value *V, NoRewrite &Out) {
  return named<NoRewrite>(V, Out, noRewriteNamed, "a reason");
}

bool Decoder::read(const json::Value *V, Place &Out) {
  Out = Place();
  if (V && V->kind() == json::Value::Null)
    return true;
  return part(V, Out);
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
  StringNumbers Numbers;
  line([&](json::OStream &J) {
    J.object([&] {
      J.attributeBegin(Key);
      Write(Encoder(S, Numbers, *this, J));
      J.attributeEnd();
    });
  });
}

uint32_t FactsWriter::string(llvm::StringRef S) {
  auto [It, New] = Written.try_emplace(S, Written.size());
  if (New) {
    json::OStream J(OS);
    J.object([&] {
      J.attributeBegin("s");
      writeText(J, S);
      J.attributeEnd();
    });
    OS << '\n';
  }
  return It->second;
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
  StringNumbers Numbers; // for every node's line
  auto Write = [&](const auto &Part) {
    line([&](json::OStream &J) {
      Encoder(G.strings(), Numbers, *this, J).value(Part);
    });
  };
  Write(Header);
  for (NodeId N = 0; N < G.size(); ++N) {
    const Node &Fn = G[N];
    NodeLine L{{Fn.Usr, Fn.Name}, {}, Fn.Edges, {}};
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

/// Whether Line nests its arrays and objects at most Max deep; JSON's own
/// parser recurses once per level.
bool nestsAtMost(llvm::StringRef Line, unsigned Max) {
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Line.size(); ++I) {
    char C = Line[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > Max)
        return false;
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return true;
}

/// Reads one facts file a line at a time: the header, then records, each
/// an object whose one key names it (or, after a graph's header, its
/// nodes), to the end.
class Reader {
public:
  Reader(FileFacts &F, StringPool &S) : F(F), S(S), D(S) {}

  /// The first thing wrong with Line, the file's LineNo-th, or nothing.
  std::optional<std::string> line(llvm::StringRef Line) {
    if (Ended)
      return std::string("text after the end");
    if (!nestsAtMost(Line, MaxNesting))
      return std::string("nested too deeply");
    llvm::Expected<json::Value> V = json::parse(Line);
    if (!V)
      return llvm::toString(V.takeError());
    const json::Object *O = V->getAsObject();
    if (!O || O->size() == 0)
      return std::string("expected an object");
    bool Ok = !Header       ? header(*V, *O)
              : O->get("s") ? string(*O->get("s"))
              : NodesLeft   ? node(*V)
                            : record(*V, *O);
    if (!Ok)
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
  bool header(const json::Value &V, const json::Object &O) {
    json::Path::Root Root;
    json::ObjectMapper M(V, Root);
    int64_t Version = 0;
    const json::Value *File = O.get("file");
    if (!File) {
      M.map("file", F.File); // says what is missing
      return D.fail(llvm::toString(Root.getError()));
    }
    if (!D.read(File, F.File))
      return false;
    if (!M.map("corolint-facts", Version))
      return D.fail(llvm::toString(Root.getError()));
    if (Version != FactsFormatVersion)
      return D.fail("written by another version of corolint (format " +
                    llvm::Twine(Version) + ", this one reads " +
                    llvm::Twine(FactsFormatVersion) + ")");
    Header = true;
    return true;
  }

  /// A string, written before its first use; its number is its place.
  bool string(const json::Value &V) {
    std::string T;
    if (!D.read(&V, T))
      return false;
    D.addString(T);
    return true;
  }

  bool record(const json::Value &V, const json::Object &O) {
    if (O.get("graph"))
      return graph(V);
    if (const json::Value *In = O.get("inputs"))
      return D.read(In, F.Inputs);
    if (const json::Value *Fd = O.get("finding"))
      return D.read(Fd, F.Findings.emplace_back());
    if (const json::Value *C = O.get("candidate"))
      return D.read(C, F.Candidates.emplace_back());
    if (const json::Value *E = O.get("error"))
      return D.read(E, F.Errors.emplace_back());
    if (const json::Value *E = O.get("config_error"))
      return D.read(E, F.ConfigErrors.emplace_back());
    if (const json::Value *E = O.get("end")) {
      const json::Object *EO = E->getAsObject();
      if (!EO || !D.read(EO->get("parsed"), F.Parsed))
        return D.fail("expected the end");
      Ended = true;
      return true;
    }
    return D.fail("unknown record");
  }

  bool graph(const json::Value &V) {
    GraphHeader H;
    if (!D.read(&V, H) || H.Options == NoStr)
      return D.fail("expected a graph");
    Open = &F.Graphs.emplace_back(H.Options, Graph(S)).second;
    for (const Primitive &P : H.Primitives)
      Open->addPrimitive(P);
    NodesLeft = NodesTotal = H.Nodes;
    return true;
  }

  /// A node line of the open graph.
  bool node(const json::Value &V) {
    NodeLine L;
    if (!D.read(&V, L))
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
    N.Edges = std::move(L.Edges);
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
  bool Header = false, Ended = false;
  Graph *Open = nullptr; // the graph whose nodes are being read
  uint32_t NodesLeft = 0, NodesTotal = 0;
};

} // namespace

llvm::Expected<FileFacts> readFacts(llvm::StringRef Text, llvm::StringRef Name,
                                    StringPool &S) {
  FileFacts F;
  Reader R(F, S);
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
