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
      field("hops", F.Hops), optionalField("omitted", F.OmittedHops),
      field("fixes", F.Fixes), field("async", F.Async));
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

/// Writes parts as JSON to J as it goes, without building them first,
/// each string of S through the facts writer's table.
class Encoder {
public:
  Encoder(const StringPool &S, FactsWriter &W, llvm::json::OStream &J)
      : S(S), W(W), J(J) {}

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
  static bool isDefault(uint32_t N) { return N == 0; }

  const StringPool &S;
  FactsWriter &W;
  llvm::json::OStream &J;
};

/// Reads parts from one line of JSON text as it goes, without building a
/// tree of it first: a pull parser that walks the same describe() as the
/// encoder. An object's keys may come in any order, and keys it does not
/// know are skipped. Every accessor checks what it reads and, on the first
/// thing wrong, leaves the reason in Why.
class Decoder {
public:
  explicit Decoder(StringPool &S) : S(S) {}

  std::string Why;

  bool fail(const llvm::Twine &Reason) {
    if (Why.empty())
      Why = Reason.str();
    return false;
  }

  /// A string's number in this file is its place in the order read. Line,
  /// read once already, is its line: the string is interned when a record
  /// read refers to it, so that records left unread cost no string.
  void addString(llvm::StringRef Line) { Ids.push_back({Line, NoStr}); }

  /// Starts reading Line, which is valid UTF-8.
  void start(llvm::StringRef Line) {
    Text = Line;
    Pos = 0;
    Depth = 0;
  }
  /// The first key of the object the line holds, without reading it; empty
  /// when the line holds no object with a key.
  llvm::StringRef firstKey();
  /// Whether only spaces are left of the line.
  bool atEnd();

  bool read(Id Out);
  bool read(uint32_t &Out);
  bool read(bool &Out);
  /// Text as textJSON() writes it.
  bool read(std::string &Out);
  bool read(Hash H);
  bool read(CheckId &Out);
  bool read(BlockKind &Out);
  bool read(Wait &Out);
  bool read(Framework &Out);
  bool read(NoRewrite &Out);
  /// Null is an invalid place.
  bool read(Place &Out);
  template <typename T> bool read(std::vector<T> &Out) {
    if (!open('['))
      return fail("expected an array");
    if (close(']'))
      return true;
    do
      if (!read(Out.emplace_back()))
        return false;
    while (take(','));
    return close(']') || fail("expected an array");
  }
  template <typename T> bool read(T &Out) { return part(Out); }

  // What describe() calls.
  template <typename... T> bool array(T &&...Fields) {
    constexpr size_t Size = sizeof...(T);
    size_t I = 0;
    bool Ok = open('[') && ((item(I++) && read(Fields)) && ...) && close(']');
    return Ok || fail("expected an array of " + llvm::Twine(Size));
  }
  template <typename... T> bool object(Field<T>... Fields) {
    if (!open('{'))
      return fail("expected an object");
    bool Seen[sizeof...(T)] = {};
    if (!close('}')) {
      do {
        std::string Key;
        if (!key(Key))
          return false;
        bool Known = false;
        auto Match = [&](auto &F, bool &Met) {
          if (Known || Key != F.Key)
            return true;
          Known = true;
          return field(F, Met);
        };
        size_t I = 0;
        if (!(Match(Fields, Seen[I++]) && ...) || (!Known && !skip()))
          return false;
      } while (take(','));
      if (!close('}'))
        return fail("expected an object");
    }
    auto Present = [&](auto &F, bool Met) {
      return Met || F.Optional ||
             fail(llvm::Twine("missing \"") + F.Key + "\"");
    };
    size_t I = 0;
    return (Present(Fields, Seen[I++]) && ...);
  }
  Hash hash(uint64_t &V) { return {V}; }
  Id id(StrId &V) { return {V}; }

private:
  /// A part as describe() gives it, then what invalid() checks.
  template <typename T> bool part(T &Out) {
    if (!describe(*this, Out))
      return false;
    if (std::optional<std::string> Wrong = invalid(Out))
      return fail(*Wrong);
    return true;
  }
  template <typename T> bool field(Field<T> &F, bool &Seen) {
    if (Seen)
      return fail(llvm::Twine("\"") + F.Key + "\" twice");
    Seen = true;
    return read(F.Value) || fail(llvm::Twine("in \"") + F.Key + "\"");
  }
  template <typename E>
  bool named(E &Out, std::optional<E> (*Lookup)(llvm::StringRef),
             const char *What) {
    llvm::StringRef Name;
    std::optional<E> Found = string(Name) ? Lookup(Name) : std::nullopt;
    if (!Found)
      return fail(llvm::Twine("expected ") + What);
    Out = *Found;
    return true;
  }

  // The text, a token at a time.
  void space();
  /// Takes C, after spaces, when it comes next.
  bool take(char C);
  /// Opens an array or object, counting how deep they nest.
  bool open(char C);
  bool close(char C);
  /// Before the I-th item of an array: a comma after the first.
  bool item(size_t I) { return I == 0 || take(','); }
  bool null();
  /// A JSON string: a view of the line when it has no escapes, else
  /// decoded into Scratch.
  bool string(llvm::StringRef &Out);
  /// A key and its colon.
  bool key(std::string &Out);
  /// Any value, unread.
  bool skip();

  StringPool &S;
  /// Each string's line, and its id in S once interned.
  struct StringLine {
    llvm::StringRef Line;
    StrId Id;
  };
  std::vector<StringLine> Ids;
  llvm::StringRef Text;
  size_t Pos = 0;
  unsigned Depth = 0;
  std::string Scratch;
};

} // namespace corolint

#endif // COROLINT_FACTS_FACTSCODEC_H
