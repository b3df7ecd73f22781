//===--- FactsCodec.h - Each part of a facts record, described once -------===//
//
// A facts record's parts (a place, a blocking call, an edit, a hop, a
// coroutine, a finding, a candidate) are each described once, by a
// describe() that lists the part's fields in order (written as a JSON
// array) or by key (a JSON object). The encoder and the decoder walk the
// same description, so the two cannot drift apart; what the decoder checks
// beyond the shape (a place has a file, an edit ends within 2^32) is in
// valid(). Strings are written once, before their first use, and named by
// their number; enums by name.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FACTS_FACTSCODEC_H
#define COROLINT_FACTS_FACTSCODEC_H

#include "Facts.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace corolint {

/// A field of an object: its key and the value it holds. Optional fields
/// are written only when they differ from their default, and read as the
/// default when absent.
template <typename T> struct Field {
  const char *Key;
  T Value; // a reference, or a wrapper that holds one
  bool Optional = false;
};
template <typename T> Field<T &> field(const char *Key, T &Value) {
  return {Key, Value, false};
}
template <typename T> Field<T> field(const char *Key, T &&Value) {
  return {Key, std::move(Value), false};
}
template <typename T> Field<T &> optionalField(const char *Key, T &Value) {
  return {Key, Value, true};
}

template <typename IO> auto describe(IO &Io, Place &P) {
  return Io.array(Io.id(P.File), P.Line, P.Col, P.Offset);
}
template <typename IO> auto describe(IO &Io, Primitive &P) {
  return Io.array(P.Kind, Io.id(P.Name), P.Waits, Io.id(P.Suggestion));
}
template <typename IO> auto describe(IO &Io, Edit &E) {
  return Io.array(E.At, E.Length, E.Text);
}
template <typename IO> auto describe(IO &Io, Hop &H) {
  return Io.array(Io.id(H.Caller), Io.id(H.Callee), H.At, H.Implicit,
                  H.Dispatch);
}
template <typename IO> auto describe(IO &Io, Coroutine &C) {
  return Io.array(Io.id(C.Name), Io.id(C.Qualified), C.Lambda, C.At, C.FW,
                  Io.id(C.Task));
}
template <typename IO> auto describe(IO &Io, AsyncRewrite &A) {
  return Io.array(A.Why, Io.id(A.Arg), A.Fixes, Io.id(A.Subject));
}
template <typename IO> auto describe(IO &Io, Finding &F) {
  return Io.object(
      field("check", F.Check), field("coroutine", F.Coro), field("at", F.At),
      field("implicit", F.ImplicitAt), field("callee", Io.id(F.Callee)),
      field("called", Io.id(F.Called)), field("end", F.End),
      field("hops", F.Hops), field("fixes", F.Fixes), field("async", F.Async));
}
template <typename IO> auto describe(IO &Io, Candidate &C) {
  return Io.object(
      field("finding", C.Pending), field("callee", Io.id(C.CalleeUsr)),
      field("here", C.CalleeDefinedHere), field("options", Io.id(C.Options)),
      optionalField("virtual", C.Virtual));
}
template <typename IO> auto describe(IO &Io, Input &I) {
  return Io.array(I.first, Io.hash(I.second));
}
template <typename IO> auto describe(IO &Io, Edge &E) {
  return Io.array(E.To, E.At, E.ImplicitAt, E.Dispatch);
}

/// What the decoder checks of a part beyond its shape: why it is wrong, or
/// nothing.
std::optional<std::string> invalid(const Place &P);
std::optional<std::string> invalid(const Edit &E);
std::optional<std::string> invalid(const Finding &F);
std::optional<std::string> invalid(const Candidate &C);
template <typename T> std::optional<std::string> invalid(const T &) {
  return std::nullopt;
}

/// A 64-bit hash, written as hexadecimal text.
struct Hash {
  uint64_t &Value;
};
/// A string, written as its number in the file (null for none).
struct Id {
  StrId &Value;
};

/// The file's numbers of a pool's strings written so far: most are met
/// many times (a graph's callers, files), and a pool's ids hash faster than
/// text.
using StringNumbers = llvm::DenseMap<StrId, uint32_t>;

/// Writes parts as JSON to J as it goes, without building them first,
/// each string of S through the facts writer's table.
class Encoder {
public:
  Encoder(const StringPool &S, StringNumbers &Numbers, FactsWriter &W,
          llvm::json::OStream &J)
      : S(S), Numbers(Numbers), W(W), J(J) {}

  void value(Id I) const;
  void value(uint32_t N) const { J.value(N); }
  void value(bool B) const { J.value(B); }
  void value(const std::string &Text) const;
  void value(Hash H) const;
  void value(CheckId C) const;
  void value(BlockKind K) const;
  void value(Wait W) const;
  void value(Framework F) const;
  void value(NoRewrite R) const;
  /// An invalid place is null.
  void value(const Place &P) const;
  template <typename T> void value(const std::vector<T> &Items) const {
    J.array([&] {
      for (const T &Item : Items)
        value(Item);
    });
  }
  template <typename T> void value(const T &Part) const { part(Part); }

  // What describe() calls.
  template <typename... T> void array(T &&...Fields) const {
    J.array([&] { (value(Fields), ...); });
  }
  template <typename... T> void object(Field<T>... Fields) const {
    J.object([&] { (add(Fields), ...); });
  }
  Hash hash(uint64_t &V) const { return {V}; }
  Id id(StrId &V) const { return {V}; }

private:
  template <typename T> void part(const T &Part) const {
    describe(const_cast<Encoder &>(*this), const_cast<T &>(Part));
  }
  template <typename T> void add(Field<T> F) const {
    if (F.Optional && isDefault(F.Value))
      return;
    J.attributeBegin(F.Key);
    value(F.Value);
    J.attributeEnd();
  }
  template <typename T> static bool isDefault(const T &) { return false; }
  static bool isDefault(bool B) { return !B; }

  const StringPool &S;
  StringNumbers &Numbers;
  FactsWriter &W;
  llvm::json::OStream &J;
};

/// Reads parts from JSON. Every accessor checks what it reads and, on the
/// first thing wrong, leaves the reason in Why.
class Decoder {
public:
  explicit Decoder(StringPool &S) : S(S) {}

  std::string Why;

  bool fail(const llvm::Twine &Reason) {
    if (Why.empty())
      Why = Reason.str();
    return false;
  }

  /// A string's number in this file is its place in the order read.
  void addString(llvm::StringRef Text) { Ids.push_back(S.intern(Text)); }

  bool read(const llvm::json::Value *V, Id Out);
  bool read(const llvm::json::Value *V, uint32_t &Out);
  bool read(const llvm::json::Value *V, bool &Out);
  bool read(const llvm::json::Value *V, std::string &Out);
  bool read(const llvm::json::Value *V, Hash H);
  bool read(const llvm::json::Value *V, CheckId &Out);
  bool read(const llvm::json::Value *V, BlockKind &Out);
  bool read(const llvm::json::Value *V, Wait &Out);
  bool read(const llvm::json::Value *V, Framework &Out);
  bool read(const llvm::json::Value *V, NoRewrite &Out);
  /// Null is an invalid place.
  bool read(const llvm::json::Value *V, Place &Out);
  template <typename T>
  bool read(const llvm::json::Value *V, std::vector<T> &Out) {
    const llvm::json::Array *A = arrayOf(V);
    if (!A)
      return false;
    for (const llvm::json::Value &Item : *A)
      if (!read(&Item, Out.emplace_back()))
        return false;
    return true;
  }
  template <typename T> bool read(const llvm::json::Value *V, T &Out) {
    return part(V, Out);
  }

  // What describe() calls.
  template <typename... T> bool array(T &&...Fields) {
    const llvm::json::Array *A = arrayOf(Cur, sizeof...(T));
    if (!A)
      return false;
    size_t I = 0;
    return (read(&(*A)[I++], Fields) && ...);
  }
  template <typename... T> bool object(Field<T>... Fields) {
    const llvm::json::Object *O = Cur ? Cur->getAsObject() : nullptr;
    if (!O)
      return fail("expected an object");
    return (take(*O, Fields) && ...);
  }
  Hash hash(uint64_t &V) { return {V}; }
  Id id(StrId &V) { return {V}; }

  /// V as an array, of Size items when Size is not 0.
  const llvm::json::Array *arrayOf(const llvm::json::Value *V, size_t Size = 0);

private:
  /// A part as describe() gives it, then what invalid() checks.
  template <typename T> bool part(const llvm::json::Value *V, T &Out) {
    const llvm::json::Value *Outer = Cur;
    Cur = V;
    bool Ok = describe(*this, Out);
    Cur = Outer;
    if (!Ok)
      return false;
    if (std::optional<std::string> Wrong = invalid(Out))
      return fail(*Wrong);
    return true;
  }
  template <typename T> bool take(const llvm::json::Object &O, Field<T> F) {
    const llvm::json::Value *V = O.get(F.Key);
    if (!V && F.Optional)
      return true;
    if (read(V, F.Value))
      return true;
    return fail(llvm::Twine("in \"") + F.Key + "\"");
  }
  template <typename E>
  bool named(const llvm::json::Value *V, E &Out,
             std::optional<E> (*Lookup)(llvm::StringRef), const char *What) {
    std::optional<llvm::StringRef> T = V ? V->getAsString() : std::nullopt;
    std::optional<E> Found = T ? Lookup(*T) : std::nullopt;
    if (!Found)
      return fail(llvm::Twine("expected ") + What);
    Out = *Found;
    return true;
  }

  StringPool &S;
  std::vector<StrId> Ids;
  const llvm::json::Value *Cur = nullptr;
};

} // namespace corolint

#endif // COROLINT_FACTS_FACTSCODEC_H
