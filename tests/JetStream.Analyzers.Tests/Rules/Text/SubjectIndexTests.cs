using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Tests.Rules.Text;

public sealed class SubjectIndexTests
{
    [Fact]
    public void CollidingPairs_AreThePairsThatSubjectsCollideFinds_InTheSameOrder()
    {
        var random = new Random(15);
        string[] tokens = { "a", "b", "c", "*", ">" };
        for (var round = 0; round < 300; round++)
        {
            var subjects = Enumerable.Range(0, random.Next(1, 25))
                .Select(_ => string.Join(".", Enumerable.Range(0, random.Next(1, 4)).Select(_ => tokens[random.Next(tokens.Length)])))
                .Where(Subjects.IsValid)
                .ToList();
            var expected = new List<(int, int)>();
            for (var i = 0; i < subjects.Count; i++)
            {
                for (var j = i + 1; j < subjects.Count; j++)
                {
                    if (Subjects.Collide(subjects[i], subjects[j]))
                    {
                        expected.Add((i, j));
                    }
                }
            }

            Assert.Equal(expected, new SubjectIndex(subjects).CollidingPairs().ToList());
        }
    }

    [Theory]
    [InlineData("orders.new", true)]
    [InlineData("orders.*.x", false)]
    [InlineData("*", false)]
    [InlineData(">", true)]
    [InlineData("audit.x.y", true)]
    [InlineData("audit", false)]
    public void AnyColliding_MatchesSubjectsCollide(string subject, bool expected) =>
        Assert.Equal(expected, new SubjectIndex(new[] { "orders.*", "audit.>" }).AnyColliding(subject));
}
