//===--- Graph.h - Functions, their calls, and the blocking calls they reach -//
//
// The call graph of plain functions, one node per function (by USR across
// translation units), with each function's calls into other functions and
// the first blocking call of each kind it makes itself. One translation unit
// builds one (Analysis), a facts file holds one per set of options, and the
// standalone tool merges them into the whole program's (Program): the same
// structure at three sizes, with one solver that finds, for every function,
// the shortest chain of calls down to a blocking call of each kind.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_MODEL_GRAPH_H
#define COROLINT_MODEL_GRAPH_H

#include "Checks.h"
#include "Place.h"
#include "Vocabulary.h"
#include <array>
#include <optional>
#include <vector>

namespace corolint {

/// A blocking call: its kind, the name it is known by (a table's row or the
/// name an option matched), what it waits for (which gives its
/// asynchronous alternative) and the alternative an option suggests.
struct Primitive {
  BlockKind Kind = BlockKind::Call;
  StrId Name = NoStr;
  Wait Waits = Wait::None;
  StrId Suggestion = NoStr;
};

using NodeId = uint32_t;

/// A call from one function into another; or, from a virtual call's node,
/// one of the bodies it may run (Dispatch: At is where that body is).
struct Edge {
  NodeId To;
  Place At;
  /// For an implicit call (a destructor), where it happens.
  Place ImplicitAt;
  bool Dispatch = false;
};

/// The first blocking call of one kind a function makes itself.
struct Sink {
  static constexpr uint32_t None = ~0u;
  uint32_t Primitive = None; // index into Graph::primitives()
  Place At, ImplicitAt;
  /// The function called, as messages show it.
  StrId Callee = NoStr;
  bool empty() const { return Primitive == None; }
};

struct Node {
  StrId Usr = NoStr;
  /// As messages show it, quoted.
  StrId Name = NoStr;
  /// Whether its body is known: calls, sinks and flags come with it.
  bool Defined = false;
  /// Calling a coroutine does not run its body.
  bool Coroutine = false;
  /// Marked COROLINT_NONBLOCKING where it is defined: not followed.
  bool NonBlocking = false;
  /// It stands for a call of a virtual function chosen at run time: its
  /// edges go to every body defined in the program that the call may run
  /// (the function's own and its overrides'), gathered from every unit.
  bool Dispatch = false;
  /// Its calls (Graph::edges), in the graph's store of every edge.
  uint32_t FirstEdge = 0, NumEdges = 0;
  /// Its blocking calls, when it makes any: an index into the graph's
  /// sets of sinks (most functions make none).
  uint32_t SinkSet = NoSinks;
  static constexpr uint32_t NoSinks = ~0u;
};

/// One step of a chain: At, in Caller, calls Callee (the next function, or
/// at the end the blocking call); or, for Dispatch, a call of the virtual
/// function Caller may run its override Callee, defined At.
struct Hop {
  StrId Caller = NoStr, Callee = NoStr;
  Place At;
  bool Implicit = false;
  bool Dispatch = false;
};

/// The most hops a chain keeps: a longer one keeps its first and last
/// halves and counts the hops between. No rewrite takes a path that long
/// (each of its functions would change), and the notes show fewer.
constexpr size_t MaxChainHops = 20000;

/// The shortest way from a function down to a blocking call: one hop per
/// call, the last one calling End.
struct Chain {
  std::vector<Hop> Hops;
  Primitive End;
  /// The hops left out after the first half of Hops, in a chain longer
  /// than MaxChainHops.
  uint32_t Omitted = 0;
};

class Graph {
public:
  explicit Graph(StringPool &Strings) : Strings(Strings) {}
  Graph(Graph &&) = default;

  StringPool &strings() const { return Strings; }
  size_t size() const { return Nodes.size(); }
  /// Room for N nodes in all.
  void reserve(size_t N) { Nodes.reserve(N); }
  Node &operator[](NodeId N) { return Nodes[N]; }
  const Node &operator[](NodeId N) const { return Nodes[N]; }

  /// The node of the function Usr, added when new; NoStr adds a node of its
  /// own.
  NodeId node(StrId Usr);
  /// The node of Usr, if there is one.
  std::optional<NodeId> find(StrId Usr) const;

  /// N's calls, in the order made.
  llvm::ArrayRef<Edge> edges(NodeId N) const {
    return llvm::ArrayRef(Edges).slice(Nodes[N].FirstEdge, Nodes[N].NumEdges);
  }
  /// Adds a call to N's.
  void addEdge(NodeId N, const Edge &E);
  /// Replaces N's calls (by edges of another graph or of none).
  void setEdges(NodeId N, llvm::ArrayRef<Edge> New);

  /// N's first blocking call of Kind; an empty sink when it makes none.
  const Sink &sink(NodeId N, BlockKind Kind) const;
  /// The same, to fill in.
  Sink &sinkToSet(NodeId N, BlockKind Kind);

  uint32_t addPrimitive(const Primitive &P);
  const Primitive &primitive(uint32_t I) const { return Primitives[I]; }
  llvm::ArrayRef<Primitive> primitives() const { return Primitives; }

  /// Adds Other's functions (Other shares this graph's pool): a function
  /// defined in both keeps this graph's definition; a virtual call's node
  /// gains the bodies Other knows it may run.
  void merge(const Graph &Other);

  /// The shortest chain of calls from N down to a blocking call of Kind;
  /// nothing when there is none, or N is a coroutine, is not followed or
  /// is not defined. Ties go to the call made first.
  std::optional<Chain> chain(NodeId N, BlockKind Kind);

  /// Whether no other unit can give N a chain this graph does not show:
  /// every function N's calls may run has its body here, and no virtual
  /// call among them may run an override defined elsewhere. A coroutine,
  /// or a function not followed, is closed; one only declared here is not.
  bool closed(NodeId N);

private:
  void solve(unsigned K);

  StringPool &Strings;
  std::vector<Node> Nodes;
  /// Every node's calls, a node's together: a million small vectors would
  /// cost more than their edges.
  std::vector<Edge> Edges;
  std::vector<std::array<Sink, NumBlockKinds>> SinkSets;
  llvm::DenseMap<StrId, NodeId> ByUsr;
  std::vector<Primitive> Primitives;
  struct Reach {
    uint32_t Distance = 0; // 0: none; 1: a blocking call of its own
    uint32_t Edge = 0;     // the first hop, when Distance > 1
  };
  std::array<std::vector<Reach>, NumBlockKinds> Reaches;
  std::array<bool, NumBlockKinds> Solved{};
  /// What closed() knows of each node (empty when the graph changed).
  enum class Closure : uint8_t { Unknown, Searching, Closed, Open };
  std::vector<Closure> Closures;
};

} // namespace corolint

#endif // COROLINT_MODEL_GRAPH_H
