//===--- Facts.cpp - What one translation unit tells the whole program ---===//

#include "Facts.h"
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

constexpr llvm::StringLiteral FlagDefined = "defined",
                              FlagCoroutine = "coroutine",
                              FlagNonBlocking = "nonblocking";
} // namespace

std::string factsFilePath(llvm::StringRef Dir, llvm::StringRef SourceFile) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(
      Path, llvm::utohexstr(llvm::xxh3_64bits(SourceFile)) + ".json");
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
// Writing
//===----------------------------------------------------------------------===//

FactsWriter::FactsWriter(llvm::raw_ostream &OS, llvm::StringRef SourceFile)
    : OS(OS) {
  line(json::Object{{"corolint-facts", FactsFormatVersion},
                    {"file", textJSON(SourceFile)}});
}

void FactsWriter::line(json::Value V) { OS << V << '\n'; }

uint32_t FactsWriter::string(llvm::StringRef S) {
  auto [It, New] = Written.try_emplace(S, Written.size());
  if (New)
    line(json::Object{{"s", textJSON(S)}});
  return It->second;
}

namespace {

/// The JSON of one record's parts, writing the strings they use first.
class Encoder {
public:
  Encoder(const StringPool &S, FactsWriter &W) : S(S), W(W) {}

  json::Value id(StrId I) const {
    if (I == NoStr)
      return nullptr;
    return Str(S[I]);
  }
  json::Value place(const Place &P) const {
    if (!P.valid())
      return nullptr;
    return json::Array{Str(S[P.File]), P.Line, P.Col, P.Offset};
  }
  json::Value primitive(const Primitive &P) const {
    return json::Array{kindName(P.Kind), id(P.Name), waitName(P.Waits),
                       id(P.Suggestion)};
  }
  json::Value edits(llvm::ArrayRef<Edit> Edits) const {
    json::Array A;
    for (const Edit &E : Edits)
      A.push_back(json::Array{place(E.At), E.Length, textJSON(E.Text)});
    return A;
  }
  json::Value finding(const Finding &F) const {
    json::Array Hops;
    for (const Hop &H : F.Hops)
      Hops.push_back(json::Array{id(H.Caller), id(H.Callee), place(H.At),
                                 H.Implicit});
    return json::Object{
        {"check", checkInfo(F.Check).Name},
        {"coroutine",
         json::Array{id(F.Coro.Name), id(F.Coro.Qualified), F.Coro.Lambda,
                     place(F.Coro.At), frameworkName(F.Coro.FW)}},
        {"at", place(F.At)},
        {"implicit", place(F.ImplicitAt)},
        {"callee", id(F.Callee)},
        {"called", id(F.Called)},
        {"end", primitive(F.End)},
        {"hops", std::move(Hops)},
        {"fixes", edits(F.Fixes)},
        {"async", json::Array{noRewriteName(F.Async.Why), id(F.Async.Arg),
                              edits(F.Async.Fixes)}}};
  }

private:
  uint32_t Str(llvm::StringRef Text) const { return W.string(Text); }

  const StringPool &S;
  FactsWriter &W;
};

} // namespace

void FactsWriter::inputs(llvm::ArrayRef<Input> Files) {
  json::Array A;
  for (const auto &[Path, Hash] : Files)
    A.push_back(json::Array{textJSON(Path), llvm::utohexstr(Hash)});
  line(json::Object{{"inputs", std::move(A)}});
}

void FactsWriter::graph(const Graph &G, llvm::StringRef Options) {
  Encoder E(G.strings(), *this);
  json::Array Primitives;
  for (const Primitive &P : G.primitives())
    Primitives.push_back(E.primitive(P));
  line(json::Object{{"graph", string(Options)},
                    {"nodes", static_cast<int64_t>(G.size())},
                    {"primitives", std::move(Primitives)}});
  for (NodeId N = 0; N < G.size(); ++N) {
    const Node &Fn = G[N];
    json::Array Flags, Edges, Sinks;
    if (Fn.Defined)
      Flags.push_back(FlagDefined);
    if (Fn.Coroutine)
      Flags.push_back(FlagCoroutine);
    if (Fn.NonBlocking)
      Flags.push_back(FlagNonBlocking);
    for (const Edge &Ed : Fn.Edges)
      Edges.push_back(
          json::Array{Ed.To, E.place(Ed.At), E.place(Ed.ImplicitAt)});
    for (unsigned K = 0; K < NumBlockKinds; ++K) {
      const Sink &S = G.sink(N, static_cast<BlockKind>(K));
      if (!S.empty())
        Sinks.push_back(json::Array{kindName(static_cast<BlockKind>(K)),
                                    S.Primitive, E.place(S.At),
                                    E.place(S.ImplicitAt), E.id(S.Callee)});
    }
    line(json::Object{{"n", json::Array{E.id(Fn.Usr), E.id(Fn.Name)}},
                      {"f", std::move(Flags)},
                      {"e", std::move(Edges)},
                      {"b", std::move(Sinks)}});
  }
}

void FactsWriter::finding(const Finding &F, const StringPool &S) {
  Encoder E(S, *this);
  line(json::Object{{"finding", E.finding(F)}});
}

void FactsWriter::candidate(const Candidate &C, const StringPool &S) {
  Encoder E(S, *this);
  json::Object Record{{"finding", E.finding(C.Pending)},
                      {"callee", E.id(C.CalleeUsr)},
                      {"here", C.CalleeDefinedHere},
                      {"options", E.id(C.Options)}};
  if (C.Hidden) // written only when set
    Record["hidden"] = true;
  line(json::Object{{"candidate", std::move(Record)}});
}

void FactsWriter::hidden(const Finding &F, const StringPool &S) {
  Encoder E(S, *this);
  line(json::Object{
      {"hidden", json::Array{checkInfo(F.Check).Name, E.place(F.At)}}});
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

/// Reads the records of one facts file. Every accessor checks what it
/// reads and, on the first thing wrong, leaves the reason in Why.
class Decoder {
public:
  explicit Decoder(StringPool &S) : S(S) {}

  std::string Why;

  bool fail(const llvm::Twine &Reason) {
    if (Why.empty())
      Why = Reason.str();
    return false;
  }

  void addString(llvm::StringRef Text) { Ids.push_back(S.intern(Text)); }

  bool number(const json::Value *V, uint32_t &Out) {
    std::optional<int64_t> N = V ? V->getAsInteger() : std::nullopt;
    if (!N || *N < 0 || *N > UINT32_MAX)
      return fail("expected a number from 0 to 2^32-1");
    Out = static_cast<uint32_t>(*N);
    return true;
  }
  bool boolean(const json::Value *V, bool &Out) {
    std::optional<bool> B = V ? V->getAsBoolean() : std::nullopt;
    if (!B)
      return fail("expected true or false");
    Out = *B;
    return true;
  }
  bool text(const json::Value *V, std::string &Out) {
    std::optional<std::string> T = V ? textFromJSON(*V) : std::nullopt;
    if (!T)
      return fail("expected a string");
    Out = std::move(*T);
    return true;
  }
  /// A string by its number in this file; null for none.
  bool id(const json::Value *V, StrId &Out) {
    Out = NoStr;
    if (V && V->kind() == json::Value::Null)
      return true;
    uint32_t N;
    if (!number(V, N))
      return false;
    if (N >= Ids.size())
      return fail("refers to string " + llvm::Twine(N) + " of " +
                  llvm::Twine(Ids.size()));
    Out = Ids[N];
    return true;
  }
  const json::Array *array(const json::Value *V, size_t Size = 0) {
    const json::Array *A = V ? V->getAsArray() : nullptr;
    if (!A || (Size && A->size() != Size)) {
      fail(Size ? "expected an array of " + llvm::Twine(Size)
                : llvm::Twine("expected an array"));
      return nullptr;
    }
    return A;
  }
  bool place(const json::Value *V, Place &P) {
    P = Place();
    if (V && V->kind() == json::Value::Null)
      return true;
    const json::Array *A = array(V, 4);
    if (!A || !id(&(*A)[0], P.File) || !number(&(*A)[1], P.Line) ||
        !number(&(*A)[2], P.Col) || !number(&(*A)[3], P.Offset))
      return false;
    return P.File != NoStr || fail("a place without a file");
  }
  template <typename E>
  bool named(const json::Value *V, E &Out,
             std::optional<E> (*Lookup)(llvm::StringRef), const char *What) {
    std::optional<llvm::StringRef> T = V ? V->getAsString() : std::nullopt;
    std::optional<E> Found = T ? Lookup(*T) : std::nullopt;
    if (!Found)
      return fail(llvm::Twine("expected ") + What);
    Out = *Found;
    return true;
  }
  bool kind(const json::Value *V, BlockKind &K) {
    return named<BlockKind>(V, K, kindNamed, "a kind of blocking call");
  }
  bool primitive(const json::Value *V, Primitive &P) {
    const json::Array *A = array(V, 4);
    return A && kind(&(*A)[0], P.Kind) && id(&(*A)[1], P.Name) &&
           named<Wait>(&(*A)[2], P.Waits, waitNamed, "a kind of wait") &&
           id(&(*A)[3], P.Suggestion);
  }
  bool edits(const json::Value *V, std::vector<Edit> &Out) {
    const json::Array *A = array(V);
    if (!A)
      return false;
    for (const json::Value &Item : *A) {
      const json::Array *E = array(&Item, 3);
      Edit &Ed = Out.emplace_back();
      if (!E || !place(&(*E)[0], Ed.At) || !Ed.At.valid() ||
          !number(&(*E)[1], Ed.Length) || !text(&(*E)[2], Ed.Text))
        return fail("expected an edit [place, length, text]");
      if (uint64_t(Ed.At.Offset) + Ed.Length > UINT32_MAX)
        return fail("an edit ends beyond 2^32-1");
    }
    return true;
  }
  bool finding(const json::Value *V, Finding &F) {
    const json::Object *O = V ? V->getAsObject() : nullptr;
    if (!O)
      return fail("expected a finding");
    const CheckInfo *Check = nullptr;
    if (std::optional<llvm::StringRef> Name = O->getString("check"))
      Check = checkNamed(*Name);
    if (!Check)
      return fail("expected the name of a check");
    F.Check = Check->Id;
    const json::Array *Coro = array(O->get("coroutine"), 5);
    if (!Coro || !id(&(*Coro)[0], F.Coro.Name) ||
        !id(&(*Coro)[1], F.Coro.Qualified) ||
        !boolean(&(*Coro)[2], F.Coro.Lambda) ||
        !place(&(*Coro)[3], F.Coro.At) ||
        !named<Framework>(&(*Coro)[4], F.Coro.FW, frameworkNamed,
                          "a framework"))
      return false;
    if (!place(O->get("at"), F.At) || !F.At.valid() ||
        !place(O->get("implicit"), F.ImplicitAt) ||
        !id(O->get("callee"), F.Callee) || !id(O->get("called"), F.Called) ||
        !primitive(O->get("end"), F.End))
      return fail("expected the call's place, names and end");
    if (F.End.Kind != Check->Kind)
      return fail("a finding of another kind than its check's");
    const json::Array *Hops = array(O->get("hops"));
    if (!Hops)
      return false;
    for (const json::Value &Item : *Hops) {
      const json::Array *H = array(&Item, 4);
      Hop &Hp = F.Hops.emplace_back();
      if (!H || !id(&(*H)[0], Hp.Caller) || !id(&(*H)[1], Hp.Callee) ||
          !place(&(*H)[2], Hp.At) || !boolean(&(*H)[3], Hp.Implicit))
        return fail("expected a hop [caller, callee, place, implicit]");
    }
    const json::Array *Async = array(O->get("async"), 3);
    return edits(O->get("fixes"), F.Fixes) && Async &&
           named<NoRewrite>(&(*Async)[0], F.Async.Why, noRewriteNamed,
                            "a reason") &&
           id(&(*Async)[1], F.Async.Arg) && edits(&(*Async)[2], F.Async.Fixes);
  }

  /// A node line of a graph of Size nodes with Primitives primitives.
  bool node(const json::Object &O, Graph &G, uint32_t Size) {
    const json::Array *Names = array(O.get("n"), 2);
    StrId Usr, Name;
    if (!Names || !id(&(*Names)[0], Usr) || !id(&(*Names)[1], Name))
      return false;
    if (Usr != NoStr && G.find(Usr))
      return fail("a function appears twice in one graph");
    NodeId Id = G.node(Usr);
    Node &N = G[Id];
    N.Name = Name;
    const json::Array *Flags = array(O.get("f"));
    if (!Flags)
      return false;
    for (const json::Value &F : *Flags) {
      std::optional<llvm::StringRef> Flag = F.getAsString();
      if (Flag == FlagDefined)
        N.Defined = true;
      else if (Flag == FlagCoroutine)
        N.Coroutine = true;
      else if (Flag == FlagNonBlocking)
        N.NonBlocking = true;
      else
        return fail("expected a flag");
    }
    const json::Array *Edges = array(O.get("e"));
    if (!Edges)
      return false;
    for (const json::Value &Item : *Edges) {
      const json::Array *E = array(&Item, 3);
      Edge &Ed = N.Edges.emplace_back();
      if (!E || !number(&(*E)[0], Ed.To) || !place(&(*E)[1], Ed.At) ||
          !place(&(*E)[2], Ed.ImplicitAt))
        return fail("expected a call [function, place, implicit]");
      if (Ed.To >= Size)
        return fail("a call to a function the graph does not have");
    }
    const json::Array *Sinks = array(O.get("b"));
    if (!Sinks)
      return false;
    for (const json::Value &Item : *Sinks) {
      const json::Array *A = array(&Item, 5);
      BlockKind K;
      if (!A || !kind(&(*A)[0], K))
        return false;
      if (!G.sink(Id, K).empty())
        return fail("two blocking calls of one kind");
      Sink &Sk = G.sinkToSet(Id, K);
      if (!number(&(*A)[1], Sk.Primitive) || !place(&(*A)[2], Sk.At) ||
          !place(&(*A)[3], Sk.ImplicitAt) || !id(&(*A)[4], Sk.Callee))
        return false;
      if (Sk.Primitive >= PrimitiveCount ||
          G.primitive(Sk.Primitive).Kind != K)
        return fail("a blocking call the graph does not have");
    }
    return true;
  }

  uint32_t PrimitiveCount = 0;

private:
  StringPool &S;
  std::vector<StrId> Ids;
};

} // namespace

llvm::Expected<FileFacts> readFacts(llvm::StringRef Text, llvm::StringRef Name,
                                    StringPool &S) {
  FileFacts F;
  Decoder D(S);
  unsigned LineNo = 0;
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s is not a corolint facts file: %s (line %u)", Name.str().c_str(),
        Why.str().c_str(), LineNo);
  };
  bool Header = false, Ended = false;
  Graph *Open = nullptr;     // the graph whose nodes are being read
  uint32_t NodesLeft = 0, NodesTotal = 0;
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    ++LineNo;
    if (Line.empty())
      continue;
    if (Ended)
      return Fail("text after the end");
    if (!nestsAtMost(Line, MaxNesting))
      return Fail("nested too deeply");
    llvm::Expected<json::Value> V = json::parse(Line);
    if (!V)
      return Fail(llvm::toString(V.takeError()));
    const json::Object *O = V->getAsObject();
    if (!O || O->size() == 0)
      return Fail("expected an object");
    if (!Header) {
      json::Path::Root Root;
      json::ObjectMapper M(*V, Root);
      int64_t Version = 0;
      const json::Value *File = O->get("file");
      if (!File) {
        M.map("file", F.File); // says what is missing
        return Fail(llvm::toString(Root.getError()));
      }
      if (!D.text(File, F.File) || !M.map("corolint-facts", Version))
        return Fail(D.Why.empty() ? llvm::toString(Root.getError()) : D.Why);
      if (Version != FactsFormatVersion)
        return Fail("written by another version of corolint (format " +
                    llvm::Twine(Version) + ", this one reads " +
                    llvm::Twine(FactsFormatVersion) + ")");
      Header = true;
      continue;
    }
    if (const json::Value *Str = O->get("s")) {
      std::string T;
      if (!D.text(Str, T))
        return Fail(D.Why);
      D.addString(T);
    } else if (NodesLeft) {
      if (!D.node(*O, *Open, NodesTotal))
        return Fail(D.Why);
      --NodesLeft;
    } else if (const json::Value *G = O->get("graph")) {
      StrId Options;
      const json::Array *Primitives = D.array(O->get("primitives"));
      if (!D.id(G, Options) || Options == NoStr ||
          !D.number(O->get("nodes"), NodesTotal) || !Primitives)
        return Fail("expected a graph: " + D.Why);
      Open = &F.Graphs.emplace_back(Options, Graph(S)).second;
      for (const json::Value &P : *Primitives) {
        Primitive Prim;
        if (!D.primitive(&P, Prim))
          return Fail(D.Why);
        Open->addPrimitive(Prim);
      }
      D.PrimitiveCount = Primitives->size();
      NodesLeft = NodesTotal;
    } else if (const json::Value *In = O->get("inputs")) {
      const json::Array *A = D.array(In);
      if (!A)
        return Fail(D.Why);
      for (const json::Value &Item : *A) {
        const json::Array *I = D.array(&Item, 2);
        std::string Path, Hash;
        uint64_t H;
        if (!I || !D.text(&(*I)[0], Path) || !D.text(&(*I)[1], Hash) ||
            llvm::StringRef(Hash).getAsInteger(16, H))
          return Fail("expected an input [path, hash]");
        F.Inputs.push_back({Path, H});
      }
    } else if (const json::Value *Fd = O->get("finding")) {
      if (!D.finding(Fd, F.Findings.emplace_back()))
        return Fail(D.Why);
    } else if (const json::Value *C = O->get("candidate")) {
      const json::Object *CO = C->getAsObject();
      Candidate &Cand = F.Candidates.emplace_back();
      if (!CO || !D.finding(CO->get("finding"), Cand.Pending) ||
          !D.id(CO->get("callee"), Cand.CalleeUsr) ||
          Cand.CalleeUsr == NoStr ||
          !D.boolean(CO->get("here"), Cand.CalleeDefinedHere) ||
          !D.id(CO->get("options"), Cand.Options) ||
          (CO->get("hidden") && !D.boolean(CO->get("hidden"), Cand.Hidden)) ||
          !Cand.Pending.Hops.empty())
        return Fail("expected a candidate: " + D.Why);
    } else if (const json::Value *H = O->get("hidden")) {
      const json::Array *A = D.array(H, 2);
      std::optional<llvm::StringRef> Name = A ? (*A)[0].getAsString() : std::nullopt;
      const CheckInfo *Check = Name ? checkNamed(*Name) : nullptr;
      Place At;
      if (!Check || !D.place(&(*A)[1], At))
        return Fail("expected a hidden finding: " + D.Why);
      F.Hidden.push_back({Check->Id, At});
    } else if (const json::Value *E = O->get("error")) {
      if (!D.text(E, F.Errors.emplace_back()))
        return Fail(D.Why);
    } else if (const json::Value *E = O->get("config_error")) {
      if (!D.text(E, F.ConfigErrors.emplace_back()))
        return Fail(D.Why);
    } else if (const json::Value *E = O->get("end")) {
      const json::Object *EO = E->getAsObject();
      if (!EO || !D.boolean(EO->get("parsed"), F.Parsed))
        return Fail("expected the end");
      Ended = true;
    } else {
      return Fail("unknown record");
    }
  }
  if (!Header)
    return Fail("empty");
  if (NodesLeft)
    return Fail("a graph is cut short");
  if (!Ended)
    return Fail("cut short");
  llvm::sort(F.Inputs);
  F.Inputs.erase(std::unique(F.Inputs.begin(), F.Inputs.end()),
                 F.Inputs.end());
  if (!F.Parsed) {
    // What a broken AST says is not reported.
    F.Graphs.clear();
    F.Findings.clear();
    F.Candidates.clear();
  }
  return F;
}

} // namespace corolint
