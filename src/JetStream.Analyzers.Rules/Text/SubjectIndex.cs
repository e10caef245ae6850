using System.Collections.Generic;

namespace JetStream.Analyzers.Rules.Text;

/// <summary>
/// Valid subjects in a token trie (as nats-server's sublist keeps them), so that the subjects colliding with one are
/// found by walking the tokens they could share instead of comparing every pair: near-linear in the subjects plus the
/// collisions found.
/// </summary>
public sealed class SubjectIndex
{
    private readonly Node root = new();
    private readonly List<string[]> tokens = new();

    /// <param name="subjects">Subjects that pass <see cref="Subjects.IsValid"/>; their positions are the indexes returned.</param>
    public SubjectIndex(IEnumerable<string> subjects)
    {
        foreach (var subject in subjects)
        {
            var split = subject.Split('.');
            var node = root;
            foreach (var token in split)
            {
                node = node.Child(token);
            }

            (node.Ends ??= new List<int>()).Add(tokens.Count);
            tokens.Add(split);
        }
    }

    public int Count => tokens.Count;

    /// <summary>The indexes of the subjects that collide with subject <paramref name="index"/> (itself included), in no particular order.</summary>
    public void Colliding(int index, List<int> result) => Match(root, tokens[index], 0, result);

    /// <summary>True when some indexed subject collides with <paramref name="subject"/>, a valid subject.</summary>
    public bool AnyColliding(string subject)
    {
        var found = new List<int>();
        Match(root, subject.Split('.'), 0, found);
        return found.Count > 0;
    }

    /// <summary>
    /// Pairs (i, j), i &lt; j, of colliding subjects in ascending order of i then j, the order a pairwise loop
    /// would find them; <paramref name="accept"/> can narrow a collision further (containment, different owners).
    /// </summary>
    public IEnumerable<(int First, int Second)> CollidingPairs(System.Func<int, int, bool>? accept = null)
    {
        var found = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            found.Clear();
            Colliding(i, found);
            found.Sort();
            foreach (var j in found)
            {
                if (j > i && (accept is null || accept(i, j)))
                {
                    yield return (i, j);
                }
            }
        }
    }

    private static void Match(Node node, string[] subject, int depth, List<int> result)
    {
        if (depth == subject.Length)
        {
            if (node.Ends is { } ends)
            {
                result.AddRange(ends);
            }

            return;
        }

        var token = subject[depth];
        if (node.Children is not { } children)
        {
            return;
        }

        if (token == ">")
        {
            foreach (var child in children.Values)
            {
                child.AddAll(result);
            }

            return;
        }

        if (token == "*")
        {
            foreach (var child in children)
            {
                if (child.Key == ">")
                {
                    child.Value.AddEnds(result);
                }
                else
                {
                    Match(child.Value, subject, depth + 1, result);
                }
            }

            return;
        }

        if (children.TryGetValue(token, out var literal))
        {
            Match(literal, subject, depth + 1, result);
        }

        if (children.TryGetValue("*", out var any))
        {
            Match(any, subject, depth + 1, result);
        }

        if (children.TryGetValue(">", out var rest))
        {
            rest.AddEnds(result);
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; private set; }

        public List<int>? Ends { get; set; }

        public Node Child(string token)
        {
            Children ??= new Dictionary<string, Node>(System.StringComparer.Ordinal);
            if (!Children.TryGetValue(token, out var child))
            {
                child = new Node();
                Children.Add(token, child);
            }

            return child;
        }

        public void AddEnds(List<int> result)
        {
            if (Ends is not null)
            {
                result.AddRange(Ends);
            }
        }

        public void AddAll(List<int> result)
        {
            var pending = new Stack<Node>();
            pending.Push(this);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                node.AddEnds(result);
                if (node.Children is not null)
                {
                    foreach (var child in node.Children.Values)
                    {
                        pending.Push(child);
                    }
                }
            }
        }
    }
}
